package org.sluice.bench.audit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.ServiceJvm;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.EventCodec;
import org.sluice.events.transfer.Category;

/**
 * Sustained append rate of the real audit consumer (the built quarkus-run.jar as a child JVM) with a
 * checkpoint signed every second: {@code n} decisions (default 100,000) wait on the topic, the service
 * starts and the driver times the log from 1,000 entries to {@code n}. Baseline, same run: a plain Kafka
 * consumer reading the same records (what the broker alone delivers on this machine).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.sluice.bench.audit.AppendRateDriver
 * audit-consumer/target/quarkus-app/quarkus-run.jar [n]}
 */
public final class AppendRateDriver {

    private AppendRateDriver() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "audit-consumer/target/quarkus-app/quarkus-run.jar");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path work = Files.createTempDirectory("sluice-bench-append");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work, 1);
                EmbeddedDatabase db = EmbeddedDatabase.start(work)) {
            String topic = Topic.TRANSFER_DECIDED.topicName();
            kafka.createTopics(List.of(topic), 3);
            produce(kafka, topic, n);
            double baseline = consumeAll(kafka, topic, n);
            System.out.printf(
                    Locale.ROOT, "baseline: plain Kafka consumer read %d records at %.0f records/s%n", n, baseline);

            Path key = work.resolve("checkpoint-key.pem");
            Files.writeString(key, SigningKey.generate().privateKeyPem());
            int port = FreePorts.pick();
            ServiceJvm service = new ServiceJvm(
                            "audit-consumer",
                            jar,
                            work.resolve("service.log"),
                            Map.of(),
                            List.of(
                                    "-Xmx1g",
                                    "-Dquarkus.http.port=" + port,
                                    "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(),
                                    "-Dquarkus.datasource.username=" + EmbeddedDatabase.USER,
                                    "-Dquarkus.datasource.password=",
                                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                                    "-Dmp.jwt.verify.publickey.location=" + key.toAbsolutePath(),
                                    "-Dsluice.audit.checkpoint.interval=1s",
                                    "-Dsluice.audit.checkpoint.key-file=" + key.toAbsolutePath()),
                            URI.create("http://127.0.0.1:" + port))
                    .start(Duration.ofMinutes(3));
            try {
                long start = 0;
                long started = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                long size;
                while ((size = size(db)) < n && System.nanoTime() < deadline) {
                    if (start == 0 && size >= 1_000) {
                        start = System.nanoTime();
                        started = size;
                    }
                    waitFor(Duration.ofMillis(20));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long checkpoints = scalar(db, "SELECT count(*) FROM audit.checkpoint");
                System.out.printf(
                        Locale.ROOT,
                        "audit log: %d entries appended in %.1f s = %.0f events/s sustained, %d checkpoints signed%n",
                        size - started,
                        seconds,
                        (size - started) / seconds,
                        checkpoints);
            } finally {
                service.stop();
            }
        }
    }

    private static void produce(EmbeddedKafka kafka, String topic, int n) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        p.put("linger.ms", "10");
        p.put("compression.type", "lz4");
        EventCodec codec = new EventCodec();
        BundleRef bundle = new BundleRef("default", "2026.11.1", "sha256:" + "ab".repeat(32));
        List<Reason> reasons = List.of(new Reason(
                "GENERAL_LICENCE",
                "export.general-licence",
                "General licence",
                Outcome.APPROVE,
                "Regulation (EU) 2021/821, Art. 12",
                "covered by EU001",
                "none",
                List.of(),
                org.sluice.events.decision.OverrideClass.ONE_REVIEWER));
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String transfer = "tr-bench-" + i;
                Event<?> e = Event.of(
                        "/sluice/policy",
                        Principal.system("policy"),
                        new TransferDecided(
                                transfer,
                                UUID.randomUUID().toString(),
                                "i-umcu",
                                "p-charite",
                                "DE",
                                Category.HUMAN_AGGREGATE,
                                Outcome.APPROVE,
                                reasons,
                                List.of(),
                                bundle,
                                DecisionSource.ENGINE,
                                null,
                                null,
                                null,
                                List.of(),
                                0),
                        Clock.systemUTC());
                producer.send(new ProducerRecord<>(topic, transfer, codec.encode(e)));
            }
            producer.flush();
        }
    }

    private static double consumeAll(EmbeddedKafka kafka, String topic, int n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "bench-baseline");
        p.put("auto.offset.reset", "earliest");
        p.put("max.poll.records", "1000");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long start = 0;
            while (read < n) {
                int got = consumer.poll(Duration.ofMillis(200)).count();
                if (got > 0 && start == 0) {
                    start = System.nanoTime();
                }
                read += got;
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long size(EmbeddedDatabase db) {
        try {
            return scalar(db, "SELECT tree_size FROM audit.log_head");
        } catch (Exception e) {
            return 0; // not migrated yet
        }
    }

    private static long scalar(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitFor(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis()); // a polling driver, not a test
    }
}
