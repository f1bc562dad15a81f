package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.json.EventCodec;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.Rfc9162;

@QuarkusTest
class AuditLogTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void aTransfersEventsFormItsTrailInLogOrderEachOnce() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        Event<?> decided = AuditEvents.event(
                AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE, "GENERAL_LICENCE"));
        Event<?> sealed = AuditEvents.event(AuditEvents.ENGINE, AuditEvents.sealed(transfer, "p-charite"));
        Event<?> cancelled = AuditEvents.event(AuditEvents.SUBMITTER, AuditEvents.cancelled(transfer));

        kafka.publish(decided);
        awaitTrailSize(transfer, 1);
        kafka.publish(sealed);
        kafka.publish(decided); // redelivered
        awaitTrailSize(transfer, 2);
        kafka.publish(cancelled);
        kafka.publish(sealed); // redelivered again, later
        awaitTrailSize(transfer, 3);

        JsonPath trail = trail(transfer);
        assertThat(trail.getList("entries.eventId", String.class))
                .containsExactly(decided.id(), sealed.id(), cancelled.id());
        assertThat(trail.getList("entries.type", String.class))
                .containsExactly("TransferDecided", "PackageSealed", "TransferCancelled");
        List<Long> indices = trail.getList("entries.index", Long.class);
        assertThat(indices).isSorted().doesNotHaveDuplicates();
        assertThat(trail.getString("entries[2].actor.id")).isEqualTo("anna@i-umcu");
        assertThat(trail.getString("entries[2].actor.institution")).isEqualTo("i-umcu");
        assertThat(trail.getString("entries[0].data.outcome")).isEqualTo("APPROVE");
        assertThat(trail.getString("entries[1].source")).isEqualTo("/sluice/test");
        assertThat(count("SELECT count(*) FROM audit.log_entry WHERE event_id = '" + decided.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void entriesAreTheCanonicalEventBytesUnderTheirRfc9162LeafHashAndTheHeadIsTheirRoot() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        Event<?> decided = AuditEvents.event(
                AuditEvents.ENGINE,
                AuditEvents.decided(transfer, "i-umcu", "IR", Outcome.DENY, "EMBARGOED_DESTINATION"));
        kafka.publish(decided);
        awaitTrailSize(transfer, 1);

        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entry, leaf_hash, country, outcome, reason_codes FROM audit.log_entry WHERE event_id = ?")) {
                ps.setString(1, decided.id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBytes(1)).isEqualTo(new EventCodec().encode(decided));
                    assertThat(rs.getBytes(2)).isEqualTo(Rfc9162.leafHash(rs.getBytes(1)));
                    assertThat(rs.getString(3)).isEqualTo("IR");
                    assertThat(rs.getString(4)).isEqualTo("DENY");
                    assertThat((String[]) rs.getArray(5).getArray()).containsExactly("EMBARGOED_DESTINATION");
                }
            }
            // the head is the root of every leaf in index order, as an outsider recomputes it
            c.setAutoCommit(false);
            c.createStatement().execute("LOCK TABLE audit.log_head IN SHARE MODE");
            CompactRange recomputed = CompactRange.empty();
            List<Long> indices = new ArrayList<>();
            try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT idx, entry FROM audit.log_entry ORDER BY idx")) {
                while (rs.next()) {
                    indices.add(rs.getLong(1));
                    recomputed.append(Rfc9162.leafHash(rs.getBytes(2)), node -> {});
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT tree_size, root_hash FROM audit.log_head")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(indices.size());
                assertThat(rs.getBytes(2)).isEqualTo(recomputed.root());
            }
            c.rollback();
            for (int i = 0; i < indices.size(); i++) {
                assertThat(indices.get(i)).isEqualTo(i);
            }
        }
    }

    @Test
    void poisonGoesToItsTopicsDeadLetterTopicWithTheReasonAndTheLogGoesOn() {
        String transfer = "tr-" + UUID.randomUUID();
        kafka.send(Topic.TRANSFER_DECIDED.topicName(), transfer, "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(
                Topic.REVIEW.topicName(),
                transfer,
                "{\"specversion\":\"1.0\",\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        kafka.publish(AuditEvents.event(AuditEvents.SUBMITTER, AuditEvents.cancelled(transfer)));

        var dlq = kafka.readUntil(
                Topic.TRANSFER_DECIDED.dlqName(), r -> transfer.equals(r.key()), Duration.ofSeconds(30));
        var garbage = dlq.get(dlq.size() - 1);
        assertThat(garbage.text()).isEqualTo("{not json");
        assertThat(garbage.headers().get("dead-letter-reason")).startsWith("not JSON");
        assertThat(garbage.headers()).containsEntry("dead-letter-topic", Topic.TRANSFER_DECIDED.topicName());
        assertThat(garbage.headers()).containsKeys("dead-letter-partition", "dead-letter-offset");
        var review = kafka.readUntil(Topic.REVIEW.dlqName(), r -> transfer.equals(r.key()), Duration.ofSeconds(30));
        assertThat(review.get(review.size() - 1).headers().get("dead-letter-reason"))
                .isEqualTo("CloudEvents attribute 'source' is missing");

        awaitTrailSize(transfer, 1);
    }

    @Test
    void eventsOfTypesThisVersionDoesNotKnowAreKept() {
        String transfer = "tr-" + UUID.randomUUID();
        String future = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/sluice/future\",\"type\":\"TransferTeleported\",\"subject\":\"" + transfer
                + "\",\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"system:future\",\"data\":{\"transferId\":\""
                + transfer + "\",\"destinationCountry\":\"DE\"}}";
        kafka.send(Topic.TRANSFER_DELIVERY.topicName(), transfer, future.getBytes(StandardCharsets.UTF_8));

        awaitTrailSize(transfer, 1);
        assertThat(trail(transfer).getString("entries[0].type")).isEqualTo("TransferTeleported");
    }

    @Test
    void theTrailIsForSecurityAnalystsOnly() {
        given().get("/api/v1/audit/transfers/tr-any").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .get("/api/v1/audit/transfers/tr-any")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/transfers/tr-never-seen")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/not-found"));
    }

    static void awaitTrailSize(String transfer, int size) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM audit.log_entry WHERE transfer_id = '" + transfer + "'") == size);
    }

    static JsonPath trail(String transfer) {
        return given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/transfers/" + transfer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Connection connect() throws Exception {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
    }

    static long count(String sql) throws Exception {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
