package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.security.SecurityAlert;
import org.sluice.events.security.Severity;
import org.sluice.events.transfer.Category;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class AlertTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void threeDenialsOfOneInstitutionRaiseOneAlertCitingTheirEntriesPublishedListedAndLogged() throws Exception {
        String institution = "i-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Event<?> denial = AuditEvents.eventAt(
                    t.plusSeconds(i),
                    AuditEvents.ENGINE,
                    AuditEvents.decided(
                            "tr-a-" + institution + i, institution, "DE", Outcome.DENY, "LICENCE_REQUIRED"));
            ids.add(denial.id());
            kafka.publish(denial);
        }
        var records = kafka.readUntil(
                Topic.SECURITY_ALERTS.topicName(),
                r -> institution.equals(
                        r.event().dataAs(SecurityAlert.class).subjects().get("institution")),
                Duration.ofSeconds(30));
        SecurityAlert alert = records.get(records.size() - 1).event().dataAs(SecurityAlert.class);
        assertThat(alert.rule()).isEqualTo("repeated-denials");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        List<Long> indices = new ArrayList<>();
        for (String id : ids) {
            indices.add(AuditLogTest.count("SELECT idx FROM audit.log_entry WHERE event_id = '" + id + "'"));
        }
        assertThat(alert.evidence()).containsExactlyElementsOf(indices);

        var listed = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/alerts?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("alertId", String.class);
        assertThat(listed).contains(alert.alertId());

        // the alert itself is logged, and raises nothing further
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> AuditLogTest.count("SELECT count(*) FROM audit.log_entry WHERE type = 'SecurityAlert'"
                                + " AND convert_from(entry, 'UTF8') LIKE '%" + alert.alertId() + "%'")
                        == 1);
        assertThat(AuditLogTest.count(
                        "SELECT count(*) FROM audit.alert WHERE subjects->>'institution' = '" + institution + "'"))
                .isEqualTo(1);
    }

    @Test
    void licenceRefusalsFiledUnderAnInstitutionAreNoDenialsOfItsTransfers() throws Exception {
        String institution = "i-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2027-02-01T00:00:00Z");
        Principal officer = new Principal("olga@eco", List.of("export-control-officer"), null, null);
        List<String> denials = new ArrayList<>();
        denials.add(deny(institution, 0, t));
        denials.add(deny(institution, 1, t.plusSeconds(1)));
        // two of its licence applications refused within the window, logged before its third denial
        for (int i = 0; i < 2; i++) {
            kafka.publish(AuditEvents.eventAt(
                    t.plusSeconds(2 + i),
                    officer,
                    new LicenceApplicationDecided(
                            "la-a-" + institution + i,
                            ApplicationOutcome.REFUSED,
                            institution,
                            null,
                            "DE",
                            null,
                            null,
                            List.of("End use not verified"),
                            t.minus(Duration.ofDays(3)),
                            t.plus(Duration.ofDays(3)),
                            false)));
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> AuditLogTest.count(
                                "SELECT count(*) FROM audit.log_entry WHERE institution = '" + institution + "'")
                        == 4);
        denials.add(deny(institution, 2, t.plusSeconds(4)));

        var records = kafka.readUntil(
                Topic.SECURITY_ALERTS.topicName(),
                r -> institution.equals(
                        r.event().dataAs(SecurityAlert.class).subjects().get("institution")),
                Duration.ofSeconds(30));
        // the institution's first alert: raised by its third transfer denial, citing the three and no refusal
        SecurityAlert alert = records.get(records.size() - 1).event().dataAs(SecurityAlert.class);
        assertThat(alert.rule()).isEqualTo("repeated-denials");
        List<Long> indices = new ArrayList<>();
        for (String id : denials) {
            indices.add(AuditLogTest.count("SELECT idx FROM audit.log_entry WHERE event_id = '" + id + "'"));
        }
        assertThat(alert.evidence()).containsExactlyElementsOf(indices);
    }

    private String deny(String institution, int n, Instant at) {
        Event<?> denial = AuditEvents.eventAt(
                at,
                AuditEvents.ENGINE,
                AuditEvents.decided("tr-ad-" + institution + n, institution, "DE", Outcome.DENY, "LICENCE_REQUIRED"));
        kafka.publish(denial);
        return denial.id();
    }

    @Test
    void aPartnerReportingAnotherDigestRaisesACriticalAlert() {
        String transfer = "tr-" + UUID.randomUUID();
        kafka.publish(AuditEvents.event(
                AuditEvents.ENGINE,
                new PackageAcknowledged(transfer, "pkg-1", "p-charite", "aa".repeat(32), "bb".repeat(32), false)));
        var records = kafka.readUntil(
                Topic.SECURITY_ALERTS.topicName(),
                r -> transfer.equals(
                        r.event().dataAs(SecurityAlert.class).subjects().get("transfer")),
                Duration.ofSeconds(30));
        SecurityAlert alert = records.get(records.size() - 1).event().dataAs(SecurityAlert.class);
        assertThat(alert.rule()).isEqualTo("ack-digest-mismatch");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aForgedReevaluationApprovalAgainstAnEmbargoByOneReviewerAndItsSealingRefusalRaiseTheIntegrityAlerts()
            throws Exception {
        String transfer = "tr-i-" + UUID.randomUUID();
        String reviewId = "rv-" + transfer;
        Event<ReviewOpened> opened = AuditEvents.event(
                AuditEvents.ENGINE,
                new ReviewOpened(
                        reviewId,
                        transfer,
                        ReviewKind.DECISION,
                        "dc-review-" + transfer,
                        "i-umcu",
                        "p-tehran",
                        "IR",
                        Category.HUMAN_INDIVIDUAL,
                        RiskLevel.HIGH,
                        2,
                        Instant.now().plus(Duration.ofDays(2)),
                        List.of(),
                        List.of()));
        kafka.publish(opened);
        TransferDecided engine =
                AuditEvents.decided(transfer, "i-umcu", "IR", Outcome.APPROVE, "EMBARGOED_DESTINATION");
        TransferDecided forged = new TransferDecided(
                transfer,
                engine.decisionId(),
                "i-umcu",
                "p-tehran",
                "IR",
                Category.HUMAN_INDIVIDUAL,
                Outcome.APPROVE,
                engine.reasons(),
                List.of(),
                engine.bundle(),
                DecisionSource.REEVALUATION,
                reviewId,
                null,
                null,
                List.of("e.visser@eco"),
                2);
        Event<TransferDecided> decided = AuditEvents.event(AuditEvents.ENGINE, forged);
        kafka.publish(decided);
        Event<SealingRefused> refused = AuditEvents.event(
                Principal.system("gateway"),
                new SealingRefused(
                        transfer, "p-tehran", forged.decisionId(), List.of("EMBARGOED_DESTINATION"), "hard stop"));
        kafka.publish(refused);

        java.util.Map<String, SecurityAlert> byRule = new java.util.HashMap<>();
        kafka.readUntil(
                Topic.SECURITY_ALERTS.topicName(),
                r -> {
                    SecurityAlert a = r.event().dataAs(SecurityAlert.class);
                    if (transfer.equals(a.subjects().get("transfer"))) {
                        byRule.put(a.rule(), a);
                    }
                    return byRule.keySet()
                            .containsAll(List.of(
                                    "approval-against-hard-stop",
                                    "approval-short-of-deciders",
                                    "case-closed-by-reevaluation",
                                    "sealing-refused"));
                },
                Duration.ofSeconds(30));
        long decisionIdx =
                AuditLogTest.count("SELECT idx FROM audit.log_entry WHERE event_id = '" + decided.id() + "'");
        long refusalIdx = AuditLogTest.count("SELECT idx FROM audit.log_entry WHERE event_id = '" + refused.id() + "'");
        assertThat(byRule.get("approval-against-hard-stop").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(byRule.get("approval-against-hard-stop").evidence()).containsExactly(decisionIdx);
        assertThat(byRule.get("approval-against-hard-stop").subjects()).containsEntry("decision", forged.decisionId());
        assertThat(byRule.get("approval-short-of-deciders").severity()).isEqualTo(Severity.HIGH);
        assertThat(byRule.get("approval-short-of-deciders").evidence()).contains(decisionIdx);
        assertThat(byRule.get("case-closed-by-reevaluation").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(byRule.get("case-closed-by-reevaluation").subjects()).containsEntry("review", reviewId);
        assertThat(byRule.get("sealing-refused").severity()).isEqualTo(Severity.HIGH);
        assertThat(byRule.get("sealing-refused").evidence()).contains(refusalIdx);

        var listed = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/alerts?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rule", String.class);
        assertThat(listed).contains("approval-against-hard-stop", "sealing-refused");
    }

    @Test
    void alertsAreForSecurityAnalysts() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/audit/alerts").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/alerts?limit=0")
                .then()
                .statusCode(400);
    }
}
