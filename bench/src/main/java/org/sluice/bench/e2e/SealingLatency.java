package org.sluice.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sluice.events.Topic;
import org.sluice.local.LocalStack;
import org.sluice.local.StackOptions;

/**
 * Issue 3's measure: the time from "upload complete" (the gateway answered the payload PUT) to the
 * transfer being SEALED (the PackageSealed event on the broker), for 1 MiB payloads over N transfers on
 * the local stack; next to the raw Kafka produce-to-consume round trip on the same broker in the same
 * run. Run from the project root after {@code mvn -B install -DskipTests}:
 * {@code java -cp bench/target/benchmarks.jar org.sluice.bench.e2e.SealingLatency [transfers [no-receipts]]}
 * ({@code no-receipts}: the gateway seals without waiting for the audit receipt of the approval).
 */
public final class SealingLatency {

    private static final int PAYLOAD_BYTES = 1 << 20;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(tr-[0-9a-f]+)\"");

    /** When the driver read a transfer's PackageSealed: monotonic for the latency, wall clock for the hops. */
    private record Seen(long nanos, Instant at) {}

    private SealingLatency() {}

    public static void main(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean receipts = !(args.length > 1 && args[1].equals("no-receipts"));
        Path root =
                Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath().normalize();
        StackOptions options = StackOptions.defaults(root)
                .withStateDirectory(root.resolve(".sluice/bench"))
                .withFresh(true);
        if (!receipts) {
            // an empty value unsets the key: the gateway seals without waiting for the audit receipt
            options = options.withEnvironment(Map.of("SLUICE_GATEWAY_AUDIT_URL", ""));
        }
        try (LocalStack stack = LocalStack.start(options)) {
            List<Double> kafka = rawKafkaRoundTrips(stack.kafkaBootstrapServers(), transfers);
            List<HopTimes.Observed> observed = new ArrayList<>();
            List<Double> sealing = sealingLatencies(stack, transfers, observed);
            System.out.printf(
                    Locale.ROOT,
                    "%d transfers of %d bytes, manifests %s the audit receipt%n",
                    transfers,
                    PAYLOAD_BYTES,
                    receipts ? "with" : "without");
            report("upload complete -> SEALED", sealing);
            report("raw Kafka produce -> consume (acks=all)", kafka);
            System.out.printf(
                    Locale.ROOT,
                    "median ratio sealing / raw round trip: %.1f%n",
                    percentile(sealing, 50) / percentile(kafka, 50));
            HopTimes.report(stack.kafkaBootstrapServers(), stack.jdbcUrl(), observed);
        }
    }

    private static List<Double> sealingLatencies(LocalStack stack, int transfers, List<HopTimes.Observed> observed)
            throws Exception {
        Map<String, CompletableFuture<Seen>> seals = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watchSeals(stack.kafkaBootstrapServers(), seals), "seal-watcher");
        watcher.setDaemon(true);
        watcher.start();
        HttpClient http = HttpClient.newHttpClient();
        String token = stack.demoTokens().get("SUBMITTER_UMCU");
        URI gateway = stack.uri(org.sluice.local.Service.GATEWAY);
        Random random = new Random(42);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < transfers + 5; i++) {
            byte[] payload = new byte[PAYLOAD_BYTES];
            random.nextBytes(payload);
            String created = http.send(
                            HttpRequest.newBuilder(gateway.resolve("/api/v1/transfers"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(DemoTransferRequest.forPayload(payload)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = ID.matcher(created);
            if (!m.find()) {
                throw new IllegalStateException("create failed: " + created);
            }
            String id = m.group(1);
            HttpResponse<String> upload = http.send(
                    HttpRequest.newBuilder(gateway.resolve("/api/v1/transfers/" + id + "/payload"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(payload))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long uploaded = System.nanoTime();
            Instant uploadedAt = Instant.now();
            if (upload.statusCode() != 200) {
                throw new IllegalStateException("upload failed: " + upload.body());
            }
            Seen sealed;
            try {
                // blocks rather than spins: a waiting driver must not take one of the two cores from the stack
                sealed = seals.computeIfAbsent(id, k -> new CompletableFuture<>())
                        .get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(id + " not sealed within 60 s", e);
            }
            if (i >= 5) { // the first few warm the services up
                latencies.add((sealed.nanos() - uploaded) / 1e6);
                observed.add(new HopTimes.Observed(id, uploadedAt, sealed.at()));
            }
        }
        return latencies;
    }

    private static void watchSeals(String bootstrap, Map<String, CompletableFuture<Seen>> seals) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "bench-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.TRANSFER_DELIVERY.topicName()));
            while (true) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    Seen seen = new Seen(System.nanoTime(), Instant.now());
                    String value = new String(r.value(), StandardCharsets.UTF_8);
                    if (value.contains("\"type\":\"PackageSealed\"")) {
                        seals.computeIfAbsent(r.key(), k -> new CompletableFuture<>())
                                .complete(seen);
                    }
                }
            }
        }
    }

    private static List<Double> rawKafkaRoundTrips(String bootstrap, int count) throws Exception {
        String topic = "bench.roundtrip";
        Properties pp = new Properties();
        pp.put("bootstrap.servers", bootstrap);
        pp.put("acks", "all");
        pp.put("enable.idempotence", "true");
        pp.put("linger.ms", "0");
        Properties cp = new Properties();
        cp.put("bootstrap.servers", bootstrap);
        cp.put("group.id", "bench-" + UUID.randomUUID());
        cp.put("auto.offset.reset", "earliest");
        List<Double> latencies = new ArrayList<>();
        byte[] value = new byte[1024];
        try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
                var consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            producer.send(new ProducerRecord<>(topic, "warm", value)).get();
            while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                // join the group and read the warm-up record
            }
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k" + i, value)).get();
                boolean seen = false;
                while (!seen) {
                    for (var r : consumer.poll(Duration.ofMillis(100))) {
                        seen |= r.key().equals("k" + i);
                    }
                }
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        return latencies;
    }

    private static void report(String what, List<Double> millis) {
        System.out.printf(
                Locale.ROOT,
                "%-42s median %8.1f ms   p99 %8.1f ms   min %7.1f   max %8.1f%n",
                what,
                percentile(millis, 50),
                percentile(millis, 99),
                Collections.min(millis),
                Collections.max(millis));
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
