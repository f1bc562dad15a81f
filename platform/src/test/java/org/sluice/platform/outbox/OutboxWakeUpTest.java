package org.sluice.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * The relay is woken when a transaction that added events commits: with its poll an hour away, each event
 * is still published soon after its commit, one after the other.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.PollAnHourAway.class)
class OutboxWakeUpTest {

    /** A poll so slow that only the wake-up on commit can publish during the test. */
    public static class PollAnHourAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sluice.platform.outbox.poll-interval", "1h");
        }
    }

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void eachCommittedEventIsPublishedWithoutWaitingForThePoll() {
        for (int i = 0; i < 3; i++) {
            String transfer = "tr-wake-" + i;
            String eventId = given().auth()
                    .oauth2(Tokens.submitter("i-umcu"))
                    .post("/probe/cancel/" + transfer)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            // generous against the broker, an hour short of the poll
            var records = kafka.readUntil(
                    Topic.TRANSFER_REQUESTED.topicName(), r -> r.event().id().equals(eventId), Duration.ofSeconds(20));
            assertThat(records.get(records.size() - 1).key()).isEqualTo(transfer);
        }
    }
}
