package org.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    private static final Path WORK = Path.of("target", "embedded-test");

    @Test
    void brokerAcceptsAndDeliversARecordThroughAConsumerGroup() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(WORK, 1)) {
            kafka.createTopics(List.of("probe"), 3);
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("acks", "all");
            p.put("enable.idempotence", "true");
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            }
            Properties c = new Properties();
            c.put("bootstrap.servers", kafka.bootstrapServers());
            c.put("group.id", "probe-group");
            c.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var r : records) {
                        value = r.value();
                    }
                }
                assertThat(value).isEqualTo("hello");
            }
        }
    }

    @Test
    void databaseRunsRealPostgresAndCleansUp() throws Exception {
        Path dataDir;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(WORK)) {
            db.execute("CREATE SCHEMA probe");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("probe"), EmbeddedDatabase.USER, "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_schema(), version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("probe");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 18");
            }
            dataDir = WORK;
        }
        assertThat(dataDir.toFile().list()).noneMatch(n -> n.startsWith("pgdata-"));
    }

    @Test
    void issuedTokensCarryTheClaimsTheServicesRead() {
        TokenIssuer issuer = TokenIssuer.generate("https://sluice.test");
        String token = issuer.issue("anna@umcu", List.of("submitter"), "i-umcu", null, Duration.ofMinutes(5));
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload)
                .contains("\"upn\":\"anna@umcu\"", "\"groups\":[\"submitter\"]", "\"institution\":\"i-umcu\"");
        TokenIssuer reloaded =
                TokenIssuer.fromPem("https://sluice.test", issuer.privateKeyPem(), issuer.publicKeyPem());
        assertThat(reloaded.publicKeyPem()).isEqualTo(issuer.publicKeyPem());
    }
}
