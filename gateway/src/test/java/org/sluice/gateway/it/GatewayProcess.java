package org.sluice.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

/**
 * The built gateway ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM with a given heap, against
 * a real broker and database started here: the service exactly as it is deployed, observed from outside.
 */
final class GatewayProcess implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final Process process;
    private final URI base;
    private final Path store;

    private GatewayProcess(EmbeddedKafka kafka, EmbeddedDatabase database, Process process, URI base, Path store) {
        this.kafka = kafka;
        this.database = database;
        this.process = process;
        this.base = base;
        this.store = store;
    }

    /** Starts broker, database and the gateway with {@code -Xmx<heap>}; returns once it is ready. */
    static GatewayProcess start(String heap) throws Exception {
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
        Map<String, String> config = Map.ofEntries(
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
                Map.entry("sluice.gateway.signing.issuer", "gateway.it.test"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath()
                .toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile())
                .start();
        GatewayProcess gateway =
                new GatewayProcess(kafka, database, process, URI.create("http://127.0.0.1:" + port), store);
        gateway.awaitReady();
        return gateway;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Peak resident set size of the gateway so far, from /proc (VmHWM), in bytes. */
    long peakRssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for " + process.pid());
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the gateway exited with " + process.exitValue() + "; see target/it/gateway.log");
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.onExit()
                    .toCompletableFuture()
                    .completeOnTimeout(null, 250, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join();
        }
        throw new IllegalStateException("the gateway was not ready within 2 minutes; see target/it/gateway.log");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
