package org.sluice.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.security.AccessDenied;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.PostgresResource;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class PlatformTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void eventsAddedInACommittedTransactionArePublishedAndTheOutboxEmptied() throws Exception {
        String eventId = given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .post("/probe/cancel/tr-outbox-1")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(), r -> r.event().id().equals(eventId), Duration.ofSeconds(30));
        var published = records.get(records.size() - 1);
        assertThat(published.key()).isEqualTo("tr-outbox-1");
        Event<?> event = published.event();
        assertThat(event.source()).isEqualTo("/sluice/platform-test");
        assertThat(event.actor().id()).isEqualTo("submitter@i-umcu");
        assertThat(event.actor().institution()).isEqualTo("i-umcu");
        assertThat(event.dataAs(TransferCancelled.class).institutionId()).isEqualTo("i-umcu");
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM platformtest.outbox") == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .post("/probe/cancel/tr-rolled-back?fail=true")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/probe-failed"));
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .post("/probe/cancel/tr-after-rollback")
                .then()
                .statusCode(200);

        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(), r -> "tr-after-rollback".equals(r.key()), Duration.ofSeconds(30));
        assertThat(records).noneMatch(r -> "tr-rolled-back".equals(r.key()));
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() throws Exception {
        Event<?> event = Event.of(
                "/sluice/test",
                Principal.system("test"),
                new TransferCancelled("tr-dup", "i-umcu", null),
                java.time.Clock.systemUTC());
        kafka.publish(event);
        kafka.publish(event);
        Event<?> marker = Event.of(
                "/sluice/test",
                Principal.system("test"),
                new TransferCancelled("tr-dup", "i-umcu", "marker"),
                java.time.Clock.systemUTC());
        kafka.publish(marker);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM platformtest.probe_effects WHERE event_id = '" + marker.id() + "'")
                                == 1);
        assertThat(count("SELECT applied FROM platformtest.probe_effects WHERE event_id = '" + event.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() throws Exception {
        kafka.send(Topic.TRANSFER_REQUESTED.topicName(), "tr-garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        Event<?> refused = Event.of(
                "/sluice/test",
                Principal.system("test"),
                new TransferCancelled("tr-poison-1", "i-umcu", null),
                java.time.Clock.systemUTC());
        kafka.publish(refused);
        Event<?> after = Event.of(
                "/sluice/test",
                Principal.system("test"),
                new TransferCancelled("tr-after-poison", "i-umcu", null),
                java.time.Clock.systemUTC());
        kafka.publish(after);

        var dlq = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.dlqName(), r -> "tr-poison-1".equals(r.key()), Duration.ofSeconds(30));
        var garbage = dlq.stream()
                .filter(r -> "tr-garbage".equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(garbage.text()).isEqualTo("{not json");
        assertThat(garbage.headers().get("dead-letter-reason")).startsWith("not JSON");
        assertThat(garbage.headers()).containsEntry("dead-letter-topic", Topic.TRANSFER_REQUESTED.topicName());
        assertThat(dlq.get(dlq.size() - 1).headers().get("dead-letter-reason")).isEqualTo("refused on purpose");

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM platformtest.probe_effects WHERE transfer_id = 'tr-after-poison'")
                                == 1);
    }

    @Test
    void failuresAreProblemDocumentsNamingTheCause() {
        given().post("/probe/cancel/tr-x")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("https://sluice.example/problems/unauthorized"));
        given().auth().oauth2(Tokens.forged()).post("/probe/cancel/tr-x").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .post("/probe/cancel/tr-x")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"a\": [1, 2,")
                .post("/probe/echo")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/malformed-json"))
                .body("detail", startsWith("the body is not valid JSON"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusedRequestsArePublishedForTheSecurityRules() {
        Instant before = Instant.now();
        given().auth()
                .oauth2(Tokens.partner("p-broad"))
                .post("/probe/cancel/tr-y")
                .then()
                .statusCode(403);

        var records = kafka.readUntil(
                Topic.SECURITY_ACCESS.topicName(),
                r -> r.event().actor().id().equals("svc@p-broad")
                        && !r.event().time().isBefore(before.minusSeconds(1)),
                Duration.ofSeconds(30));
        AccessDenied denied = records.get(records.size() - 1).event().dataAs(AccessDenied.class);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.service()).isEqualTo("platform-test");
        assertThat(denied.path()).isEqualTo("/probe/cancel/tr-y");
    }

    @Test
    void topicNamesComeFromTheContract() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        for (Topic topic : Topic.values()) {
            assertThat(config.getValue(topic.configKey(), String.class)).isEqualTo(topic.topicName());
        }
        assertThat(config.getValue("mp.messaging.incoming.probe.topic", String.class))
                .isEqualTo(Topic.TRANSFER_REQUESTED.topicName());
        assertThat(Map.of("acks", config.getValue("mp.messaging.outgoing.sluice-out.acks", String.class)))
                .containsEntry("acks", "all");
        assertThat(List.of(config.getValue("mp.messaging.outgoing.sluice-out.enable.idempotence", String.class)))
                .containsExactly("true");
        // the first record of a partition waits for the poll in progress: at most this long, not the 1 s default
        assertThat(config.getValue("mp.messaging.connector.smallrye-kafka.poll-timeout", Integer.class))
                .isLessThanOrEqualTo(100);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
