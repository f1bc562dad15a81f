package org.sluice.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.GatewayTestResource;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * The gateway learns of checkpoints from the audit log's CheckpointSigned events: with the fallback poll an
 * hour away, an approval waiting for its receipt is sealed with it once the event arrives, and an approval
 * whose receipt already exists when it starts waiting is sealed with it at once.
 */
@QuarkusTest
@TestProfile(ReceiptOnCheckpointTest.PollAnHourAway.class)
class ReceiptOnCheckpointTest {

    /**
     * The stand-in audit service, the receipt poll so slow and no long poll, so that only an event or the
     * first ask can seal.
     */
    public static class PollAnHourAway extends AuditProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("sluice.gateway.audit.poll-interval", "1h");
            overrides.put("sluice.gateway.audit.receipt-wait", "PT1H");
            overrides.put("sluice.gateway.audit.long-poll", "PT0S");
            return overrides;
        }
    }

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void aWaitingApprovalIsSealedWithItsReceiptWhenTheCheckpointSignedEventArrives() throws Exception {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> approval = GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE");
        JsonPath waiting = GatewayApi.awaitState(UMCU, id, "APPROVED");
        assertThat(waiting.getString("package")).isNull();

        StandInAudit.checkpoint(approval);
        kafka.publish(Event.of(
                "/sluice/audit",
                Principal.system("audit"),
                new CheckpointSigned(StandInAudit.ORIGIN, 1, "AAAA", Instant.now(), "key", "note", 0),
                Clock.systemUTC()));

        assertThat(receiptOf(GatewayApi.awaitState(UMCU, id, "SEALED")).eventId())
                .isEqualTo(approval.id());
    }

    @Test
    void anApprovalWhoseReceiptAlreadyExistsIsSealedWithItWithoutWaitingForAnEvent() throws Exception {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> approval = Event.of(
                "/sluice/policy",
                Principal.system("policy"),
                GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE"),
                Clock.systemUTC());
        StandInAudit.checkpoint(approval);
        kafka.publish(approval);

        assertThat(receiptOf(GatewayApi.awaitState(UMCU, id, "SEALED")).eventId())
                .isEqualTo(approval.id());
    }

    /** The audit receipt in the signed manifest of a sealed transfer's package. */
    static AuditReceipt receiptOf(JsonPath sealed) throws Exception {
        byte[] manifestJson = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + sealed.getString("package.packageId") + "/manifest")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Manifest manifest = ManifestVerifier.trusting(
                        GatewayTestResource.signingKey().publicKey())
                .verify(manifestJson);
        assertThat(manifest.auditReceipt()).isNotNull();
        return manifest.auditReceipt();
    }
}
