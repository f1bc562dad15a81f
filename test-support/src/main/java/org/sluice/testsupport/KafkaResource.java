package org.sluice.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.sluice.embedded.EmbeddedKafka;

/**
 * Starts a real single-node KRaft broker for a module's {@code @QuarkusTest}s and points the SmallRye
 * Kafka connector at it. Register it once per module on a {@code TestInfra} class.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrapServers;
    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start(Path.of("target"), 1);
        bootstrapServers = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The running broker's bootstrap servers, for test clients. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("KafkaResource has not started");
        }
        return bootstrapServers;
    }
}
