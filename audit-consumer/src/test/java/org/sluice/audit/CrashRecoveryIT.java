package org.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.ServiceJvm;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.json.EventCodec;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.testsupport.Tokens;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.ConsistencyProofVerifier;
import org.sluice.transparency.merkle.InclusionProofVerifier;
import org.sluice.transparency.merkle.NodeId;
import org.sluice.transparency.merkle.ProofBuilder;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Kills the built audit consumer (quarkus-run.jar in a child JVM) with SIGKILL ten times while 10,000
 * events stream in, restarting it each time, then proves the log whole: exactly 10,000 entries, none
 * twice, every inclusion proof verifies, every checkpoint is signed and consistent with the one before.
 */
class CrashRecoveryIT {

    private static final int EVENTS = 10_000;
    private static final int KILLS = 10;
    private static final String ORIGIN = "sluice.example/audit";
    private static final Path WORK = Path.of("target", "crash-it");

    private static EmbeddedKafka kafka;
    private static EmbeddedDatabase database;
    private static Path jwtKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceJvm service;

    @BeforeAll
    static void infrastructure() throws IOException {
        Files.createDirectories(WORK);
        kafka = EmbeddedKafka.start(WORK, 1);
        kafka.createTopics(List.of(Topic.TRANSFER_REQUESTED.topicName()), 3);
        database = EmbeddedDatabase.start(WORK);
        jwtKey = WORK.resolve("jwt-public.pem");
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(Tokens.PUBLIC_KEY_RESOURCE)) {
            Files.write(jwtKey, in.readAllBytes());
        }
    }

    @AfterAll
    static void stopInfrastructure() {
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void tenKillsDuringTenThousandEventsLoseNothingDoubleNothingAndBreakNoProof() throws Exception {
        List<String> ids = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        EventCodec codec = new EventCodec();
        for (int i = 0; i < EVENTS; i++) {
            Event<?> e = Event.of(
                    "/sluice/gateway",
                    new Principal("anna@i-umcu", List.of("submitter"), "i-umcu", null),
                    new TransferCancelled("tr-crash-" + i, "i-umcu", null),
                    Clock.systemUTC());
            ids.add(e.id());
            records.add(codec.encode(e));
        }

        start(0);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService producerLoop = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producerLoop.scheduleAtFixedRate(
                    () -> {
                        for (int n = 0; n < 40 && sent.get() < EVENTS; n++) {
                            int i = sent.getAndIncrement();
                            producer.send(new ProducerRecord<>(
                                    Topic.TRANSFER_REQUESTED.topicName(), "tr-crash-" + i, records.get(i)));
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);

            for (int kill = 1; kill <= KILLS; kill++) {
                long before = treeSize();
                await().atMost(Duration.ofMinutes(2)).until(() -> treeSize() > before + 100 || treeSize() >= EVENTS);
                service.kill(); // SIGKILL, mid-stream
                start(kill);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= EVENTS);
            producer.flush();
        } finally {
            producerLoop.shutdownNow();
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> treeSize() == EVENTS && checkpointedSize() == EVENTS);
        try {
            assertTheLogIsWhole(ids);
        } finally {
            service.stop();
        }
    }

    private void assertTheLogIsWhole(List<String> ids) throws Exception {
        try (Connection c = connect()) {
            assertThat(scalar(c, "SELECT count(*) FROM audit.log_entry")).isEqualTo(EVENTS);
            assertThat(scalar(c, "SELECT count(DISTINCT event_id) FROM audit.log_entry"))
                    .isEqualTo(EVENTS);
            assertThat(scalar(c, "SELECT max(idx) FROM audit.log_entry")).isEqualTo(EVENTS - 1);
            Set<String> logged = new HashSet<>();
            Map<NodeId, byte[]> nodes = new HashMap<>();
            try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT idx, event_id, leaf_hash, entry FROM audit.log_entry")) {
                while (rs.next()) {
                    logged.add(rs.getString(2));
                    assertThat(rs.getBytes(3)).isEqualTo(Rfc9162.leafHash(rs.getBytes(4)));
                    nodes.put(new NodeId(0, rs.getLong(1)), rs.getBytes(3));
                }
            }
            assertThat(logged).containsExactlyInAnyOrderElementsOf(ids);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT level, idx, hash FROM audit.merkle_node")) {
                while (rs.next()) {
                    nodes.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }

            PublicKey key = SigningKey.fromPem(
                            Files.readString(Path.of("src/test/resources/audit-test-signing-key.pem")))
                    .publicKey();
            long previousSize = 0;
            byte[] previousRoot = Rfc9162.emptyRoot();
            int checkpoints = 0;
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT note, previous_tree_size, consistency_proof FROM audit.checkpoint ORDER BY tree_size")) {
                while (rs.next()) {
                    Checkpoint cp = SignedNote.openCheckpoint(rs.getString(1), ORIGIN, key);
                    assertThat(rs.getLong(2)).isEqualTo(previousSize);
                    List<byte[]> proof = new ArrayList<>();
                    for (Object h : (Object[]) rs.getArray(3).getArray()) {
                        proof.add((byte[]) h);
                    }
                    ConsistencyProofVerifier.verify(previousSize, cp.size(), proof, previousRoot, cp.rootHash());
                    previousSize = cp.size();
                    previousRoot = cp.rootHash();
                    checkpoints++;
                }
            }
            assertThat(previousSize).isEqualTo(EVENTS);
            assertThat(checkpoints).isGreaterThan(1);

            ProofBuilder stored = new ProofBuilder(id -> {
                byte[] hash = nodes.get(id);
                assertThat(hash).as("stored node %s", id).isNotNull();
                return hash;
            });
            assertThat(stored.root(EVENTS)).isEqualTo(previousRoot);
            for (long index = 0; index < EVENTS; index++) {
                InclusionProofVerifier.verify(
                        index, EVENTS, nodes.get(new NodeId(0, index)), stored.inclusion(index, EVENTS), previousRoot);
            }
            // and as the running service serves them
            for (long index = 0; index < EVENTS; index += 97) {
                var proof = org.sluice.events.json.Json.mapper()
                        .readTree(get("/api/v1/audit/proofs/inclusion?index=" + index));
                List<byte[]> path = new ArrayList<>();
                proof.get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
                InclusionProofVerifier.verify(index, EVENTS, nodes.get(new NodeId(0, index)), path, previousRoot);
            }
        }
    }

    private void start(int generation) {
        int port = FreePorts.pick();
        service = new ServiceJvm(
                        "audit-consumer",
                        Path.of("target", "quarkus-app", "quarkus-run.jar"),
                        WORK.resolve("service-" + generation + ".log"),
                        Map.of(),
                        List.of(
                                "-Xmx512m",
                                "-Dquarkus.http.port=" + port,
                                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                                "-Dquarkus.datasource.username=" + EmbeddedDatabase.USER,
                                "-Dquarkus.datasource.password=",
                                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                                "-Dmp.messaging.incoming.events.group.instance.id=audit-crash-it",
                                "-Dmp.messaging.incoming.events.session.timeout.ms=6000",
                                "-Dmp.jwt.verify.publickey.location=" + jwtKey.toAbsolutePath(),
                                "-Dmp.jwt.verify.issuer=" + Tokens.ISSUER,
                                "-Dsluice.audit.checkpoint.key-file=src/test/resources/audit-test-signing-key.pem"),
                        URI.create("http://127.0.0.1:" + port))
                .start(Duration.ofMinutes(2));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(service.uri(path))
                        .header("Authorization", "Bearer " + Tokens.securityAnalyst())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static long treeSize() throws Exception {
        try (Connection c = connect()) {
            return scalar(c, "SELECT tree_size FROM audit.log_head");
        } catch (java.sql.SQLException e) {
            return -1; // the schema is not migrated yet
        }
    }

    private static long checkpointedSize() throws Exception {
        try (Connection c = connect()) {
            return scalar(c, "SELECT coalesce(max(tree_size), 0) FROM audit.checkpoint");
        }
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private static long scalar(Connection c, String sql) throws java.sql.SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
