package org.sluice.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.events.Event;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.GatewayTestResource;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;
import org.sluice.transparency.receipt.ReceiptVerifier;

@QuarkusTest
@TestProfile(AuditProfile.class)
class AuditReceiptTest {

    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void anApprovalWaitsForItsAuditReceiptAndTheSignedManifestCarriesOneThatVerifies() throws Exception {
        String earlier = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> other = GatewayApi.decide(earlier, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> approval = GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE");

        JsonPath waiting = GatewayApi.awaitState(UMCU, id, "APPROVED");
        assertThat(waiting.getString("package")).isNull();

        StandInAudit.checkpoint(other, approval);
        JsonPath sealed = GatewayApi.awaitState(UMCU, id, "SEALED");
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
        AuditReceipt receipt = manifest.auditReceipt();
        assertThat(receipt).isNotNull();
        assertThat(receipt.eventId()).isEqualTo(approval.id());
        assertThat(receipt.leafIndex()).isEqualTo(1);
        ReceiptVerifier.Verified verified = ReceiptVerifier.verify(
                receipt,
                StandInAudit.ORIGIN,
                Ed25519.publicKeyFromPem(Files.readString(
                        AuditProfile.LOG_KEY_DIR.resolve("audit-log.pub.pem"), StandardCharsets.US_ASCII)));
        assertThat(verified.signatureChecked()).isTrue();
        assertThat(verified.event().path("data").path("decisionId").asText())
                .isEqualTo(manifest.decision().decisionId())
                .isEqualTo(approval.data().decisionId());
        assertThat(new String(manifestJson, StandardCharsets.UTF_8)).contains("\"auditReceipt\":{");
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString(
                        "sluice_gateway_audit_receipts_total{outcome=\"embedded\"}"));
    }

    @Test
    void anApprovalWhoseReceiptDoesNotComeInTimeIsSealedWithoutOneAndCounted() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE");

        GatewayApi.awaitState(UMCU, id, "APPROVED");
        JsonPath sealed = GatewayApi.awaitState(UMCU, id, "SEALED");
        String manifest = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + sealed.getString("package.packageId") + "/manifest")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(manifest).doesNotContain("auditReceipt");
        // sealed only once the wait was over
        var history = sealed.getList("history.at", String.class);
        assertThat(Duration.between(java.time.Instant.parse(history.get(2)), java.time.Instant.parse(history.get(3))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString("sluice_gateway_audit_receipts_total{outcome=\"timeout\"}"));
    }
}
