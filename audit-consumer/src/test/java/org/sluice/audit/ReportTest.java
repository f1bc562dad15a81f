package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class ReportTest {

    private static final String PERIOD = "from=2028-02-01T00:00:00Z&to=2028-03-01T00:00:00Z";
    private static final Instant T = Instant.parse("2028-02-10T08:00:00Z");
    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void theReportAggregatesDecisionsTurnaroundsReviewsAppealsAndIncidentsOfItsPeriod() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tr1 = "tr-r1-" + run;
        String tr2 = "tr-r2-" + run;
        String tr3 = "tr-r3-" + run;
        raw(Topic.TRANSFER_REQUESTED, "TransferRequested", tr1, T, "\"institutionId\":\"i-umcu\"");
        raw(Topic.TRANSFER_REQUESTED, "TransferRequested", tr2, T, "\"institutionId\":\"i-umcu\"");
        decide(tr1, Outcome.DENY, DecisionSource.ENGINE, "IR", T.plus(Duration.ofHours(2)), "LICENCE_REQUIRED");
        decide(tr2, Outcome.APPROVE, DecisionSource.ENGINE, "DE", T.plus(Duration.ofHours(1)), "GENERAL_LICENCE");
        raw(Topic.REVIEW, "ReviewOpened", tr3, T, "\"reviewId\":\"rv-" + run + "\"");
        decide(tr3, Outcome.APPROVE, DecisionSource.REVIEW, "DE", T.plus(Duration.ofHours(3)));
        raw(
                Topic.TRANSFER_REQUESTED,
                "AppealFiled",
                tr1,
                T.plus(Duration.ofHours(5)),
                "\"appealId\":\"ap-" + run + "\"");
        decide(tr1, Outcome.APPROVE, DecisionSource.APPEAL, "IR", T.plus(Duration.ofHours(6)));
        // licence applications decided in the period: 2 h and 4 h after applying; a withdrawal is no decision
        applicationDecided("la-r1-" + run, ApplicationOutcome.GRANTED, Duration.ofHours(2));
        applicationDecided("la-r2-" + run, ApplicationOutcome.REFUSED, Duration.ofHours(4));
        applicationDecided("la-r3-" + run, ApplicationOutcome.WITHDRAWN, Duration.ofHours(100));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        report().getLong("incidents.total") == 1 && report().getLong("licenceApplications.count") == 2);
        JsonPath r = report();
        assertThat(r.getLong("decisions.total")).isEqualTo(4);
        assertThat(r.getLong("decisions.byOutcome.APPROVE")).isEqualTo(3);
        assertThat(r.getLong("decisions.byOutcome.DENY")).isEqualTo(1);
        assertThat(r.getLong("decisions.byCountry.IR")).isEqualTo(2);
        assertThat(r.getLong("decisions.byCategory.HUMAN_INDIVIDUAL")).isEqualTo(4);
        assertThat(r.getLong("licensing.count")).isEqualTo(2);
        assertThat(r.getDouble("licensing.medianSeconds")).isEqualTo(5400.0);
        assertThat(r.getDouble("licenceApplications.medianSeconds")).isEqualTo(10800.0);
        assertThat(r.getDouble("licenceApplications.p90Seconds")).isEqualTo(13680.0);
        assertThat(r.getLong("reviews.count")).isEqualTo(1);
        assertThat(r.getDouble("reviews.medianSeconds")).isEqualTo(10800.0);
        assertThat(r.getLong("appeals.filed")).isEqualTo(1);
        assertThat(r.getLong("appeals.byOutcome.APPROVE")).isEqualTo(1);
        assertThat(r.getLong("incidents.byRule.reviewer-override")).isEqualTo(1);
        assertThat(r.getString("decisions")).doesNotContain(tr1);

        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .accept("text/html")
                .get("/api/v1/reports/transparency?" + PERIOD)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"chart-outcome\""))
                .body(containsString("data-testid=\"bar-chart-outcome-DENY\" data-value=\"1\""))
                .body(containsString("<svg"))
                .body(containsString("<tr id=\"report-licence-applications\"><td>Licence applications granted or"
                        + " refused (applied to decided)</td><td>2</td><td>3.0 h</td><td>3.8 h</td></tr>"))
                .body(org.hamcrest.Matchers.not(containsString("<script")))
                .body(org.hamcrest.Matchers.not(containsString("http://cdn")));
    }

    @Test
    void anInvalidPeriodIsA400() {
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/reports/transparency?from=2028-03-01T00:00:00Z&to=2028-02-01T00:00:00Z")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("range"));
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/reports/transparency?from=last-week")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("format"));
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/reports/transparency")
                .then()
                .statusCode(403);
    }

    private JsonPath report() {
        return given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/reports/transparency?" + PERIOD)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void decide(
            String transfer, Outcome outcome, DecisionSource source, String country, Instant at, String... codes) {
        kafka.publish(AuditEvents.eventAt(
                at, AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", country, outcome, source, codes)));
    }

    private void applicationDecided(String id, ApplicationOutcome outcome, Duration took) {
        Instant decided = T.plus(Duration.ofHours(1));
        kafka.publish(AuditEvents.eventAt(
                decided,
                new Principal("olga@eco", List.of("export-control-officer"), null, null),
                new LicenceApplicationDecided(
                        id,
                        outcome,
                        "i-umcu",
                        null,
                        "US",
                        null,
                        null,
                        List.of(),
                        decided.minus(took),
                        decided.plus(took),
                        false)));
    }

    private void raw(Topic topic, String type, String transfer, Instant at, String data) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/sluice/test\","
                + "\"type\":\"" + type + "\",\"subject\":\"" + transfer + "\",\"time\":\"" + at + "\","
                + "\"actor\":\"anna@i-umcu\",\"data\":{\"transferId\":\"" + transfer + "\"," + data + "}}";
        kafka.send(topic.topicName(), transfer, json.getBytes(StandardCharsets.UTF_8));
    }
}
