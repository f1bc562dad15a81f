package org.sluice.policy.licence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.policy.decision.DecisionService;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

/**
 * A licence that reaches its end date stops covering open approvals, and post-shipment verifications of
 * approvals are listed and closable.
 */
@QuarkusTest
class LicenceExpiryTest {

    @Inject
    DecisionService decisions;

    @Inject
    LicenceExpiry expiry;

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void anOpenApprovalIsDeniedOnceItsLicenceHasExpiredAndItsVerificationWithdrawn() {
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        World.putLicence("LIC-TEST-EXPIRY", "PROVISIONAL", 100, lastDay, true);
        TransferRequest request = Scenarios.citing(Scenarios.named("P28").typedRequest(), List.of("LIC-TEST-EXPIRY"));
        String transferId = "tr-expiry-" + UUID.randomUUID();
        TransferDecided approved = QuarkusTransaction.requiringNew()
                .call(() -> decisions
                        .onRequested(UUID.randomUUID().toString(), new TransferRequested(transferId, "i-rivm", request))
                        .orElseThrow());
        assertThat(approved.outcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
        assertThat(approved.codes()).contains("PROVISIONAL_LICENCE", "POST_SHIPMENT_VERIFICATION");
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/verifications?status=OPEN")
                .then()
                .statusCode(200)
                .body(
                        "findAll { it.transferId == '" + transferId + "' }.reference",
                        equalTo(List.of("LIC-TEST-EXPIRY")))
                .body(
                        "findAll { it.transferId == '" + transferId + "' }.dueOn",
                        equalTo(List.of(
                                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())));

        // people of their own from here: the rate limiter's buckets read the clock, and those charged while it
        // stands three days ahead refill only when real time catches up, so no other test may share them
        String analyst = Tokens.token("analyst.expiry@soc", List.of("security-analyst"), null, null);
        String admin = Tokens.token("admin.expiry@sluice", List.of("admin"), null, null);
        QuarkusMock.installMockForType(new MutableClock(Instant.now().plus(Duration.ofDays(3))), Clock.class);
        // the scheduled check (first a minute into the run) may see the moved clock first; either re-decides it once
        expiry.reevaluateExpired();
        assertThat(expiry.reevaluateExpired()).isZero();

        given().auth()
                .oauth2(analyst)
                .get("/api/v1/decisions/" + approved.decisionId())
                .then()
                .statusCode(200)
                .body("outcome", equalTo("APPROVE_WITH_CONDITIONS"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/verifications?status=WITHDRAWN")
                .then()
                .body("findAll { it.transferId == '" + transferId + "' }.size()", equalTo(1));
        assertThat(latestSource(transferId, analyst)).isEqualTo(DecisionSource.REEVALUATION.name());
    }

    @Test
    void aVerificationIsClosedWithANoteOnce() {
        String transferId = "tr-verify-" + UUID.randomUUID();
        TransferDecided approved = QuarkusTransaction.requiringNew()
                .call(() -> decisions
                        .onRequested(
                                UUID.randomUUID().toString(),
                                new TransferRequested(
                                        transferId,
                                        "i-rivm",
                                        Scenarios.named("P28").typedRequest()))
                        .orElseThrow());
        assertThat(approved.outcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
        String id = given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/verifications?status=OPEN")
                .then()
                .extract()
                .path("find { it.transferId == '" + transferId + "' }.id");

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"note\": \"Receipt and end users confirmed by the Broad export office, 2026-12-01.\"}")
                .post("/api/v1/admin/verifications/" + id + "/closure")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("admin@sluice"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"note\": \"again\"}")
                .post("/api/v1/admin/verifications/" + id + "/closure")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.submitter("i-rivm"))
                .get("/api/v1/admin/verifications")
                .then()
                .statusCode(403);
    }

    private static String latestSource(String transferId, String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/decisions/" + latestDecision(transferId))
                .then()
                .extract()
                .path("source");
    }

    private static String latestDecision(String transferId) {
        try (var c = java.sql.DriverManager.getConnection(
                        org.sluice.testsupport.PostgresResource.jdbcUrl(), "postgres", "");
                var ps = c.prepareStatement("SELECT latest_decision FROM policy.transfers WHERE transfer_id = ?")) {
            ps.setString(1, transferId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
