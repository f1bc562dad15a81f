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
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.security.SecurityAlert;
import org.sluice.events.security.Severity;
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
    void alertsAreForSecurityAnalysts() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/audit/alerts").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/alerts?limit=0")
                .then()
                .statusCode(400);
    }
}
