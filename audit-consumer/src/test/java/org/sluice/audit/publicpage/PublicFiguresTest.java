package org.sluice.audit.publicpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.audit.AuditEvents;
import org.sluice.events.Principal;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.Category;
import org.sluice.testsupport.KafkaTestClient;

/**
 * The public figures on a real log: a period of March and April 2031 with 23 decisions, 6 review cases,
 * an appeal and embargo alerts, and events just outside it. Without a token; small counts suppressed;
 * nothing that names an institution, partner, person or transfer in the JSON or the CSV.
 */
@QuarkusTest
class PublicFiguresTest {

    private static final String PERIOD = "from=2031-03&to=2031-04";
    private static final Instant T = Instant.parse("2031-03-10T08:00:00Z");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String INSTITUTION = "i-public-" + RUN;
    private static final Principal REVIEWER = new Principal("rita.public@eco", List.of("reviewer"), null, null);
    private static final List<String> IDENTIFYING = new ArrayList<>();

    private static boolean logged;

    @BeforeEach
    void logThePeriodOnce() {
        if (logged) {
            return;
        }
        logged = true;
        KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
        IDENTIFYING.addAll(List.of(INSTITUTION, "p-de-" + RUN, "p-us-" + RUN, "p-ir-" + RUN, REVIEWER.id()));
        for (int i = 0; i < 8; i++) {
            kafka.publish(at(
                    T,
                    AuditEvents.ENGINE,
                    decided("ap" + i, "DE", Outcome.APPROVE, DecisionSource.ENGINE, null, "GENERAL_LICENCE")));
        }
        for (int i = 1; i <= 6; i++) {
            String transfer = transfer("rv" + i);
            String review = "rv-" + RUN + "-" + i;
            kafka.publish(at(
                    T,
                    AuditEvents.ENGINE,
                    decided("rv" + i, "US", Outcome.REVIEW, DecisionSource.ENGINE, null, "FIRST_TRANSFER_TO_PARTNER")));
            kafka.publish(at(
                    T,
                    AuditEvents.ENGINE,
                    new ReviewOpened(
                            review,
                            transfer,
                            ReviewKind.DECISION,
                            "dec-" + review,
                            INSTITUTION,
                            "p-us-" + RUN,
                            "US",
                            Category.HUMAN_INDIVIDUAL,
                            RiskLevel.STANDARD,
                            1,
                            T.plus(Duration.ofDays(3)),
                            List.of(),
                            List.of())));
            kafka.publish(at(
                    T.plus(Duration.ofHours(i)),
                    REVIEWER,
                    decided("rv" + i, "DE", Outcome.APPROVE, DecisionSource.REVIEW, review)));
        }
        kafka.publish(at(
                T,
                AuditEvents.ENGINE,
                decided("dn1", "IR", Outcome.DENY, DecisionSource.ENGINE, null, "EMBARGOED_DESTINATION")));
        kafka.publish(at(
                T,
                AuditEvents.ENGINE,
                decided("dn2", "IR", Outcome.DENY, DecisionSource.ENGINE, null, "EMBARGOED_DESTINATION")));
        Instant appeal = T.plus(Duration.ofDays(3));
        kafka.publish(at(
                appeal,
                AuditEvents.SUBMITTER,
                new AppealFiled(transfer("dn1"), "ap-" + RUN, INSTITUTION, "dec-x", "We have new facts")));
        kafka.publish(at(
                appeal.plus(Duration.ofHours(2)),
                REVIEWER,
                decided("dn1", "IR", Outcome.DENY, DecisionSource.APPEAL, null)));
        // just outside the period on either side
        kafka.publish(at(
                Instant.parse("2031-02-28T23:59:59Z"),
                AuditEvents.ENGINE,
                decided("before", "DE", Outcome.APPROVE, DecisionSource.ENGINE, null)));
        kafka.publish(at(
                Instant.parse("2031-05-01T00:00:00Z"),
                AuditEvents.ENGINE,
                decided("after", "DE", Outcome.APPROVE, DecisionSource.ENGINE, null)));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath f = figures(PERIOD);
            return Integer.valueOf(23).equals(f.get("decisions.total"))
                    && Integer.valueOf(6).equals(f.get("reviewTurnaround.cases"))
                    // a total of 0 is shown as <5 too, so wait for the cells themselves
                    && f.getList("alerts.byRule").size() == 1
                    && f.getList("appeals.byOutcome").size() == 1;
        });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "<5".equals(figures("from=2031-05&to=2031-05").get("decisions.total")));
    }

    @Test
    void decisionsAreCountedByOutcomeCategoryAndRegionWithSmallCountsSuppressed() {
        JsonPath f = figures(PERIOD);
        assertThat(f.getString("period.name")).isEqualTo("months");
        assertThat(f.getString("period.from")).isEqualTo("2031-03-01T00:00:00Z");
        assertThat(f.getString("period.to")).isEqualTo("2031-05-01T00:00:00Z");
        assertThat(f.getInt("minCount")).isEqualTo(5);
        assertThat(f.getInt("decisions.total")).isEqualTo(23);
        // DENY (3) is below 5; REVIEW (6), the smallest other cell, is withheld so DENY = 23 - 14 - REVIEW is not known
        assertThat(cells(f, "decisions.byOutcome"))
                .containsExactly(Map.entry("APPROVE", 14), Map.entry("DENY", "<5"), Map.entry("REVIEW", "withheld"));
        assertThat(cells(f, "decisions.byCategory")).containsExactly(Map.entry("HUMAN_INDIVIDUAL", 23));
        assertThat(cells(f, "decisions.byRegion"))
                .containsExactly(
                        Map.entry("European Union and EEA", 14),
                        Map.entry("Middle East and North Africa", "<5"),
                        Map.entry("North America", "withheld"));
    }

    @Test
    void reviewTurnaroundIsTheMedianAndP90FromOpenedToDecided() {
        JsonPath f = figures(PERIOD);
        assertThat(f.getInt("reviewTurnaround.cases")).isEqualTo(6);
        assertThat(f.getLong("reviewTurnaround.medianSeconds")).isEqualTo(12_600); // 3.5 h of 1..6 h
        assertThat(f.getLong("reviewTurnaround.p90Seconds")).isEqualTo(19_800); // 5.5 h
        // no licence application was decided in the period (PublicLicenceFiguresTest has them)
        assertThat(f.getString("licences.decided")).isEqualTo("<5");
        assertThat(f.getList("licences.byOutcome")).isEmpty();
        assertThat(f.getString("licences.turnaround.medianSeconds")).isNull();
    }

    @Test
    void appealsAndAlertsBelowTheThresholdShowAsBelowIt() {
        JsonPath f = figures(PERIOD);
        assertThat(f.getString("appeals.filed")).isEqualTo("<5");
        assertThat(f.getString("appeals.decided")).isEqualTo("<5");
        assertThat(cells(f, "appeals.byOutcome")).containsExactly(Map.entry("DENY", "<5"));
        assertThat(f.getString("alerts.total")).isEqualTo("<5");
        assertThat(cells(f, "alerts.byRule")).containsExactly(Map.entry("embargo-or-denied-party", "<5"));
        // a turnaround over fewer cases than the threshold is not shown
        JsonPath later = figures("from=2031-05&to=2031-05");
        assertThat(later.getString("decisions.total")).isEqualTo("<5");
        assertThat(later.getString("reviewTurnaround.cases")).isEqualTo("<5");
        assertThat(later.getString("reviewTurnaround.medianSeconds")).isNull();
    }

    @Test
    void noNumberBelowTheThresholdAndNothingIdentifyingAppearsInTheJsonOrTheCsv() {
        String json = given().get("/api/v1/public/figures?" + PERIOD)
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .extract()
                .asString();
        String csv = given().get("/api/v1/public/figures.csv?" + PERIOD)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Cache-Control", "public, max-age=60")
                .extract()
                .asString();
        assertThat(given().get("/api/v1/public/figures?format=csv&" + PERIOD).asString())
                .isEqualTo(csv);
        for (String text : List.of(json, csv)) {
            assertThat(text)
                    .doesNotContain(IDENTIFYING)
                    .doesNotContain("tr-pub-", "anna@", "system:policy", "\"DE\"", "\"IR\"");
        }
        assertThat(csv)
                .startsWith("figure,key,value\r\n")
                .contains("decisions.total,,23\r\n")
                .contains("decisions.byOutcome,DENY,<5\r\n")
                .contains("decisions.byOutcome,REVIEW,withheld\r\n")
                .contains("reviewTurnaround.medianSeconds,,12600\r\n")
                .contains("alerts.byRule,embargo-or-denied-party,<5\r\n");
        // every count published is at least the threshold or a label
        JsonPath f = JsonPath.from(json);
        List<Object> counts = new ArrayList<>();
        for (String list : List.of(
                "decisions.byOutcome",
                "decisions.byCategory",
                "decisions.byRegion",
                "appeals.byOutcome",
                "alerts.byRule")) {
            counts.addAll(f.getList(list + ".count"));
        }
        counts.addAll(List.of(
                f.get("decisions.total"),
                f.get("appeals.filed"),
                f.get("appeals.decided"),
                f.get("alerts.total"),
                f.get("reviewTurnaround.cases")));
        assertThat(counts).allSatisfy(c -> {
            if (c instanceof Number n) {
                assertThat(n.longValue()).isGreaterThanOrEqualTo(5);
            } else {
                assertThat(c).isIn("<5", "withheld");
            }
        });
    }

    @Test
    void aBadPeriodIsA400NamingTheParameterAndOtherEndpointsStillNeedAToken() {
        given().get("/api/v1/public/figures?period=7d")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].rule", equalTo("enum"));
        given().get("/api/v1/public/figures?from=2031-04&to=2031-03")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("range"));
        given().get("/api/v1/public/figures?from=2031-4")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("from", "to"))
                .body("errors.rule", org.hamcrest.Matchers.hasItems("format", "required"));
        given().get("/api/v1/public/figures?institution=i-umcu")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("institution"))
                .body("errors[0].rule", equalTo("unknown"));
        given().get("/api/v1/public/figures?period=all").then().statusCode(200).body("period.name", equalTo("all"));
        given().get("/api/v1/audit/entries").then().statusCode(401);
        given().get("/api/v1/reports/transparency").then().statusCode(401);
    }

    @Test
    void thePageIsServedWithoutATokenWithItsChartsScriptFromTheWebJarAndNothingFromElsewhere() {
        given().get("/public/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("id=\"chart-outcome\""))
                .body(containsString("id=\"table-outcome\""))
                .body(containsString("id=\"criteria-rules\""))
                .body(containsString("src=\"/public/echarts.min.js\""))
                .body(not(containsString("http://")))
                .body(not(containsString("https://")));
        given().get("/public/echarts.min.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("public"))
                .body(containsString("echarts"));
        given().get("/public/public.js").then().statusCode(200).body(not(containsString("https://")));
    }

    static JsonPath figures(String query) {
        return given().get("/api/v1/public/figures?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map.Entry<String, Object>> cells(JsonPath f, String list) {
        List<Map<String, Object>> cells = f.getList(list);
        return cells.stream()
                .map(c -> Map.entry((String) c.get("key"), c.get("count")))
                .toList();
    }

    private static String transfer(String name) {
        return "tr-pub-" + name + "-" + RUN;
    }

    private static <T extends org.sluice.events.EventData> org.sluice.events.Event<T> at(
            Instant time, Principal actor, T data) {
        return AuditEvents.eventAt(time, actor, data);
    }

    private static TransferDecided decided(
            String name, String country, Outcome outcome, DecisionSource source, String reviewId, String... codes) {
        List<Reason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(new Reason(
                    code,
                    "rule." + code,
                    code,
                    outcome,
                    "citation",
                    "why",
                    "fix",
                    List.of(),
                    AuditEvents.overrideOf(code)));
        }
        boolean byReviewers = source.byReviewers();
        return new TransferDecided(
                transfer(name),
                "dec-" + UUID.randomUUID(),
                INSTITUTION,
                "p-" + country.toLowerCase(java.util.Locale.ROOT) + "-" + RUN,
                country,
                Category.HUMAN_INDIVIDUAL,
                outcome,
                reasons,
                List.of(),
                new org.sluice.events.decision.BundleRef("default", "2026.11.1", "sha256:" + "ab".repeat(32)),
                source,
                reviewId,
                null,
                null,
                byReviewers ? List.of(REVIEWER.id()) : List.of(),
                byReviewers ? 1 : 0);
    }
}
