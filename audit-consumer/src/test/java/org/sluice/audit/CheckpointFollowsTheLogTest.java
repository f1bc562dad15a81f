package org.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.decision.Outcome;
import org.sluice.testsupport.KafkaTestClient;

/**
 * Checkpoints follow the log: with the safety timer an hour away, a new entry is still covered by a signed
 * checkpoint (and its CheckpointSigned event published) soon after it is appended, woken by the append alone.
 */
@QuarkusTest
@TestProfile(CheckpointFollowsTheLogTest.TimerAnHourAway.class)
class CheckpointFollowsTheLogTest {

    /** The safety timer so slow that only an append can have caused a checkpoint during the test. */
    public static class TimerAnHourAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sluice.audit.checkpoint.interval", "1h",
                    "sluice.audit.checkpoint.batch-window", "50ms");
        }
    }

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void aNewEntryIsCoveredByASignedAndPublishedCheckpointWithoutAnyTimer() throws Exception {
        for (int round = 0; round < 3; round++) {
            String transfer = "tr-" + UUID.randomUUID();
            kafka.publish(AuditEvents.event(
                    AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE)));
            AuditLogTest.awaitTrailSize(transfer, 1);
            long size = AuditLogTest.count("SELECT tree_size FROM audit.log_head");

            // generous: the window is 50 ms, the timer an hour
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            AuditLogTest.count("SELECT coalesce(max(tree_size), 0) FROM audit.checkpoint") >= size);
            var records = kafka.readUntil(
                    Topic.AUDIT_CHECKPOINTS.topicName(),
                    r -> r.event().dataAs(CheckpointSigned.class).treeSize() >= size,
                    Duration.ofSeconds(15));
            assertThat(records).isNotEmpty();
        }
    }
}
