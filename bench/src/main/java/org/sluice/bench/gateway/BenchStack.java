package org.sluice.bench.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.ServiceJvm;
import org.sluice.embedded.TokenIssuer;
import org.sluice.events.Event;
import org.sluice.events.json.EventCodec;

/** A real broker and database, and the built gateway as a child JVM, driven over HTTP and Kafka. */
final class BenchStack implements AutoCloseable {

    static final String INSTITUTION = "i-umcu";
    private static final String ISSUER = "https://sluice.bench/issuer";

    private final Path work;
    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final ServiceJvm gateway;
    private final Path store;
    private final TokenIssuer tokens;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchStack(
            Path work,
            EmbeddedKafka kafka,
            EmbeddedDatabase database,
            ServiceJvm gateway,
            Path store,
            TokenIssuer tokens) {
        this.work = work;
        this.kafka = kafka;
        this.database = database;
        this.gateway = gateway;
        this.store = store;
        this.tokens = tokens;
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static BenchStack start(Path jar, Path fixtures, String heap) throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "gateway-bench-");
        EmbeddedKafka kafka = EmbeddedKafka.start(work, 1);
        EmbeddedDatabase database = EmbeddedDatabase.start(work);
        TokenIssuer tokens = TokenIssuer.generate(ISSUER);
        Path jwt = Files.writeString(work.resolve("jwt.pem"), tokens.publicKeyPem(), StandardCharsets.US_ASCII);
        Path signing = Files.writeString(
                work.resolve("signing.pem"), SigningKey.generate().privateKeyPem(), StandardCharsets.US_ASCII);
        Path store = Files.createDirectories(work.resolve("store"));
        int port = FreePorts.pick();
        Map<String, String> config = Map.ofEntries(
                Map.entry("quarkus.http.port", Integer.toString(port)),
                Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.entry("quarkus.datasource.username", EmbeddedDatabase.USER),
                Map.entry("quarkus.datasource.password", ""),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                Map.entry("quarkus.log.level", "WARN"),
                Map.entry(
                        "mp.jwt.verify.publickey.location", jwt.toAbsolutePath().toString()),
                Map.entry("mp.jwt.verify.issuer", ISSUER),
                Map.entry(
                        "sluice.gateway.store.directory", store.toAbsolutePath().toString()),
                Map.entry(
                        "sluice.gateway.staging-key.file",
                        fixtures.resolve("keys/gateway-demo.sec")
                                .toAbsolutePath()
                                .toString()),
                Map.entry(
                        "sluice.gateway.signing.key-file",
                        signing.toAbsolutePath().toString()),
                Map.entry("sluice.gateway.signing.issuer", "gateway.bench"),
                // the gateway's own speed is measured, not its rate limits: 4 GiB uploads back to back
                Map.entry("sluice.platform.rate-limit.enabled", "false"));
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(ServiceJvm.systemProperties(config));
        ServiceJvm gateway = new ServiceJvm(
                        "the gateway",
                        jar,
                        work.resolve("gateway.log"),
                        Map.of(),
                        options,
                        URI.create("http://127.0.0.1:" + port))
                .start(Duration.ofMinutes(3));
        return new BenchStack(work, kafka, database, gateway, store, tokens);
    }

    URI uri(String path) {
        return gateway.uri(path);
    }

    String partnerToken() {
        return tokens.issue("svc@p-charite", List.of("partner"), null, "p-charite", Duration.ofHours(4));
    }

    private String metricsToken() {
        return tokens.issue("prometheus@bench", List.of("metrics"), null, null, Duration.ofHours(1));
    }

    private String submitterToken() {
        return tokens.issue("bench@" + INSTITUTION, List.of("submitter"), INSTITUTION, null, Duration.ofHours(4));
    }

    void registerPartner(String publicKeyFile) throws Exception {
        String body = GatewayBench.json(Map.of(
                "institution",
                "Charite",
                "country",
                "DE",
                "status",
                "ACTIVE",
                "profitStatus",
                "NOT_FOR_PROFIT",
                "keys",
                List.of(Map.of(
                        "keyId",
                        "charite-1",
                        "publicKey",
                        publicKeyFile,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        "2031-12-31"))));
        String admin = tokens.issue("admin@bench", List.of("admin"), null, null, Duration.ofHours(1));
        send(HttpRequest.newBuilder(uri("/api/v1/admin/partners/p-charite"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    String submit(long size, String sha256) throws Exception {
        String body = GatewayBench.json(Map.of(
                "dataset",
                        Map.of(
                                "id",
                                "ds-bench",
                                "title",
                                "Bench",
                                "category",
                                "HUMAN_INDIVIDUAL",
                                "subjects",
                                1,
                                "format",
                                "BIN",
                                "consent",
                                Map.of("duo", List.of("DUO:0000042"))),
                "purpose", Map.of("duo", "DUO:0000042", "commercial", false, "description", "benchmark"),
                "destination", Map.of("partnerId", "p-charite", "country", "DE"),
                "endUsers", List.of(Map.of("name", "Bench User", "organisation", "Charite", "country", "DE")),
                "basis", "STANDARD",
                "payload", Map.of("sizeBytes", size, "sha256", sha256)));
        String answer = send(HttpRequest.newBuilder(uri("/api/v1/transfers"))
                .header("Authorization", "Bearer " + submitterToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return org.sluice.events.json.Json.mapper().readTree(answer).get("id").asText();
    }

    void upload(String transferId, Supplier<InputStream> payload, long size) throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/transfers/" + transferId + "/payload"))
                .header("Authorization", "Bearer " + submitterToken())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(payload), size)));
    }

    void publish(Event<?> event) throws Exception {
        producer.send(new ProducerRecord<>(event.topic().topicName(), event.subject(), new EventCodec().encode(event)))
                .get();
    }

    void awaitState(String transferId, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (transfer(transferId).contains("\"state\":\"" + state + "\"")) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(transferId + " did not reach " + state);
    }

    String packageOf(String transferId) throws Exception {
        return org.sluice.events.json.Json.mapper()
                .readTree(transfer(transferId))
                .path("package")
                .path("packageId")
                .asText();
    }

    Path stagedFile(String transferId) {
        return store.resolve("objects/staged/" + transferId + ".c4gh");
    }

    /**
     * The gateway's re-sealing timer as Prometheus exposes it.
     *
     * @param count seals timed so far
     * @param seconds their total time
     */
    record Timer(double count, double seconds) {
        /** Mean milliseconds of the seals timed after {@code earlier}. */
        double meanMillisSince(Timer earlier) {
            return (seconds - earlier.seconds) * 1000 / (count - earlier.count);
        }
    }

    Timer sealingTimer() throws Exception {
        String metrics =
                send(HttpRequest.newBuilder(uri("/q/metrics")).header("Authorization", "Bearer " + metricsToken()));
        return new Timer(
                metric(metrics, "sluice_gateway_sealing_seconds_count{format=\"CRYPT4GH\"}"),
                metric(metrics, "sluice_gateway_sealing_seconds_sum{format=\"CRYPT4GH\"}"));
    }

    private static double metric(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(name.length() + 1).strip()))
                .findFirst()
                .orElse(0);
    }

    long rssBytes() throws IOException {
        return gateway.rssBytes();
    }

    long peakRssBytes() throws IOException {
        return gateway.peakRssBytes();
    }

    private String transfer(String transferId) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/transfers/" + transferId))
                .header("Authorization", "Bearer " + submitterToken()));
    }

    private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        gateway.stop();
        kafka.close();
        database.close();
        Files.copy(
                work.resolve("gateway.log"),
                work.resolveSibling("gateway-bench-last.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
