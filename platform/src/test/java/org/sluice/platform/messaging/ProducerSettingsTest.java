package org.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The producer every service publishes through, as the connector built it: durable (acks=all, idempotent)
 * and sending each record at once rather than lingering for a batch (Kafka 4 lingers 5 ms by default,
 * which every hop of a transfer would pay).
 */
@QuarkusTest
class ProducerSettingsTest {

    @Inject
    KafkaClientService clients;

    @Test
    void theOutgoingProducerIsDurableAndDoesNotLinger() {
        Map<String, ?> config = clients.getProducer(EventPublisher.CHANNEL).configuration();

        assertThat(String.valueOf(config.get("acks"))).isEqualTo("all");
        assertThat(String.valueOf(config.get("enable.idempotence"))).isEqualTo("true");
        assertThat(String.valueOf(config.get("linger.ms"))).isEqualTo("0");
    }
}
