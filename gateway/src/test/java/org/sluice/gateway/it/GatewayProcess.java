package org.sluice.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.ServiceJvm;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

/**
 * The built gateway ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM with a given heap, against
 * a real broker and database started here: the service exactly as it is deployed, observed from outside.
 */
final class GatewayProcess implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final ServiceJvm gateway;
    private final Path store;

    private GatewayProcess(EmbeddedKafka kafka, EmbeddedDatabase database, ServiceJvm gateway, Path store) {
        this.kafka = kafka;
        this.database = database;
        this.gateway = gateway;
        this.store = store;
    }

    /** Starts broker, database and the gateway with {@code -Xmx<heap>}; returns once it is ready. */
    static GatewayProcess start(String heap) throws Exception {
        return start(heap, Map.of());
    }

    /** As {@link #start(String)}, with more configuration (e.g. another payload store) over the defaults. */
    static GatewayProcess start(String heap, Map<String, String> more) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it"));
        EmbeddedKafka kafka = EmbeddedKafka.start(work, 1);
        EmbeddedDatabase database = EmbeddedDatabase.start(work);
        SigningKey signingKey = SigningKey.generate();
        Path signing = work.resolve("manifest-signing.pem");
        Files.writeString(signing, signingKey.privateKeyPem(), StandardCharsets.US_ASCII);
        Path jwtKey = work.resolve("jwt-public.pem");
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(Tokens.PUBLIC_KEY_RESOURCE)) {
            Files.write(jwtKey, in.readAllBytes());
        }
        Path store = Files.createTempDirectory(work, "store-");
        int port = FreePorts.pick();
        Map<String, String> config = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("quarkus.http.port", Integer.toString(port)),
                Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.entry("quarkus.datasource.username", EmbeddedDatabase.USER),
                Map.entry("quarkus.datasource.password", ""),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                Map.entry(
                        "mp.jwt.verify.publickey.location",
                        jwtKey.toAbsolutePath().toString()),
                Map.entry("mp.jwt.verify.issuer", Tokens.ISSUER),
                Map.entry(
                        "sluice.gateway.store.directory", store.toAbsolutePath().toString()),
                Map.entry(
                        "sluice.gateway.staging-key.file",
                        Fixtures.path("keys/gateway-demo.sec").toString()),
                Map.entry(
                        "sluice.gateway.signing.key-file",
                        signing.toAbsolutePath().toString()),
                Map.entry("sluice.gateway.signing.issuer", "gateway.it.test")));
        config.putAll(more);
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        options.addAll(ServiceJvm.systemProperties(config));
        ServiceJvm gateway = new ServiceJvm(
                        "the gateway",
                        Path.of("target", "quarkus-app", "quarkus-run.jar"),
                        work.resolve("gateway.log"),
                        Map.of(),
                        options,
                        URI.create("http://127.0.0.1:" + port))
                .start(Duration.ofMinutes(2));
        return new GatewayProcess(kafka, database, gateway, store);
    }

    /** Kills the gateway (SIGKILL, as a crash would) and starts it again with the same configuration and store. */
    void killAndRestart() {
        gateway.kill();
        gateway.start(Duration.ofMinutes(2));
    }

    /** The staged (committed) object of a transfer in the gateway's payload store. */
    Path stagedFile(String transferId) {
        return store.resolve("objects/staged/" + transferId + ".c4gh");
    }

    URI uri(String path) {
        return gateway.uri(path);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Peak resident set size of the gateway so far, in bytes. */
    long peakRssBytes() throws IOException {
        return gateway.peakRssBytes();
    }

    @Override
    public void close() {
        try {
            gateway.stop();
        } finally {
            kafka.close();
            database.close();
            deleteTree(store);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
