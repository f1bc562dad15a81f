package org.sluice.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;

/**
 * The relay's lock is one per outbox table: the relay of another service in the same database (another
 * schema) does not hold this one up, and a replica of this service mid-round keeps it out only until that
 * round ends, not until the next poll (an hour away here).
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.PollAnHourAway.class)
class OutboxLockTest {

    /** The one key every service's relay took until 2026-12-07, whatever its schema. */
    private static final long SHARED_KEY_OF_OLD = 0x51_75_1C_E0_0B_0BL;

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void anotherServicesRelayMidRoundDoesNotHoldThisOneUp() throws Exception {
        try (Connection otherService = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
            otherService.setAutoCommit(false);
            lock(otherService, "SELECT pg_advisory_xact_lock(?, hashtext('policy'))", OutboxRelay.LOCK_CLASS);
            lock(otherService, "SELECT pg_advisory_xact_lock(?)", SHARED_KEY_OF_OLD);

            String eventId = cancel("tr-lock-other");

            // published while the other service's relay still holds its lock
            var records = kafka.readUntil(
                    Topic.TRANSFER_REQUESTED.topicName(), r -> r.event().id().equals(eventId), Duration.ofSeconds(20));
            assertThat(records.get(records.size() - 1).key()).isEqualTo("tr-lock-other");
            otherService.rollback();
        }
    }

    @Test
    void aReplicaMidRoundKeepsThisRelayOutOnlyUntilItsRoundEnds() throws Exception {
        String eventId;
        try (Connection replica = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
            replica.setAutoCommit(false);
            lock(replica, "SELECT pg_advisory_xact_lock(?, hashtext('platformtest'))", OutboxRelay.LOCK_CLASS);

            eventId = cancel("tr-lock-replica");
            // the woken relay finds the lock taken: the event stays pending the whole time the replica holds it
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> pending(eventId) == 1);

            replica.rollback(); // the replica's round ends
        }
        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(), r -> r.event().id().equals(eventId), Duration.ofSeconds(20));
        assertThat(records.get(records.size() - 1).key()).isEqualTo("tr-lock-replica");
    }

    private static String cancel(String transfer) {
        return given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .post("/probe/cancel/" + transfer)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void lock(Connection c, String sql, long key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?,")) {
                ps.setInt(1, (int) key);
            } else {
                ps.setLong(1, key);
            }
            ps.executeQuery().close();
        }
    }

    private static long pending(String eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM platformtest.outbox WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
