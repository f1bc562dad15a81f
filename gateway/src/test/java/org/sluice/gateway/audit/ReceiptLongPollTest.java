package org.sluice.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.events.Event;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;

/**
 * The gateway asks for an approval's receipt with a long poll as soon as the approval waits: with no
 * {@code CheckpointSigned} event and the fallback poll an hour away, only the held request can bring the
 * receipt, and it does the moment the log checkpoints the decision. A second receipt for the same approval
 * (a checkpoint's round overlapping the long poll) does not replace the first.
 */
@QuarkusTest
@TestProfile(ReceiptLongPollTest.LongPollOnly.class)
class ReceiptLongPollTest {

    /** The stand-in audit service; nothing but the long poll asks for receipts within the test. */
    public static class LongPollOnly extends ReceiptOnCheckpointTest.PollAnHourAway {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("sluice.gateway.audit.long-poll", "PT30S");
            return overrides;
        }
    }

    @Inject
    AuditReceipts receipts;

    @Test
    void theHeldReceiptRequestSealsTheApprovalWhenTheLogCheckpointsIt() throws Exception {
        byte[] vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        int heldBefore = StandInAudit.held();
        Event<TransferDecided> approval = GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE");
        JsonPath waiting = GatewayApi.awaitState(UMCU, id, "APPROVED");
        assertThat(waiting.getString("package")).isNull();
        // the gateway's request is being held by the audit service
        await().atMost(Duration.ofSeconds(20)).until(() -> StandInAudit.held() > heldBefore);

        StandInAudit.checkpoint(approval);

        AuditReceipt receipt = ReceiptOnCheckpointTest.receiptOf(GatewayApi.awaitState(UMCU, id, "SEALED"));
        assertThat(receipt.eventId()).isEqualTo(approval.id());
        // the first receipt stands: a later one for the same approval is not recorded
        assertThat(receipts.obtained(approval.data().decisionId(), receipt, Instant.now()))
                .isFalse();
        assertThat(receipts.receipt(approval.data().decisionId())).contains(receipt);
    }
}
