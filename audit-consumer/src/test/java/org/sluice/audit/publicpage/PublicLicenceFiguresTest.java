package org.sluice.audit.publicpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.audit.AuditEvents;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.Principal;
import org.sluice.events.json.EventCodec;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;
import org.sluice.testsupport.KafkaTestClient;

/**
 * The public licence figures on a real log. January and February 2033: 12 applications granted and 6
 * refused, applied to decided in 1 to 18 days, the last 5 late; 5 withdrawn after 100 days, all late
 * (neither in the turnaround nor in on time or late); one granted application decided a second time; and
 * decisions just outside the period. April 2033 hides its withdrawals; May 2033 has only small counts;
 * June 2033 has two applications whose {@code appliedAt} is no instant.
 * Every application names its institution, partner, country, end user and officers, and none of them
 * may be published.
 */
@QuarkusTest
class PublicLicenceFiguresTest {

    private static final String WINTER = "from=2033-01&to=2033-02";
    private static final String APRIL = "from=2033-04&to=2033-04";
    private static final String MAY = "from=2033-05&to=2033-05";
    private static final String JUNE = "from=2033-06&to=2033-06";
    private static final EventCodec CODEC = new EventCodec();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String INSTITUTION = "i-lic-" + RUN;
    private static final String PARTNER = "p-lic-" + RUN;
    private static final String END_USER = "Dr. Lia Keller " + RUN;
    private static final String REASON = "End use not verified " + RUN;
    private static final Principal APPLICANT =
            new Principal("lara." + RUN + "@" + INSTITUTION, List.of("submitter"), INSTITUTION, null);
    private static final Principal OFFICER =
            new Principal("olga." + RUN + "@eco", List.of("export-control-officer"), null, null);
    private static final Duration DAY = Duration.ofDays(1);

    private static boolean logged;
    private static int published;
    private static int next;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void logTheApplicationsOnce() {
        if (logged) {
            return;
        }
        logged = true;
        KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
        Instant winter = Instant.parse("2033-01-10T09:00:00Z");
        for (int i = 1; i <= 18; i++) {
            Instant decided = winter.plus(Duration.ofHours(i));
            application(
                    kafka,
                    decided,
                    decided.minus(DAY.multipliedBy(i)),
                    i <= 12 ? ApplicationOutcome.GRANTED : ApplicationOutcome.REFUSED,
                    i >= 14);
        }
        for (int i = 0; i < 5; i++) {
            Instant decided = winter.plus(DAY.multipliedBy(20 + i));
            application(kafka, decided, decided.minus(DAY.multipliedBy(100)), ApplicationOutcome.WITHDRAWN, true);
        }
        // the first application decided again, later: still one application, measured by its first decision
        publish(
                kafka,
                winter.plus(DAY.multipliedBy(30)),
                OFFICER,
                decided(app(1), ApplicationOutcome.GRANTED, winter.minus(DAY.multipliedBy(50)), true));
        // just outside the period on either side
        application(
                kafka,
                Instant.parse("2032-12-31T23:59:59Z"),
                Instant.parse("2032-12-01T00:00:00Z"),
                ApplicationOutcome.GRANTED,
                false);
        application(
                kafka,
                Instant.parse("2033-03-01T00:00:00Z"),
                Instant.parse("2033-02-01T00:00:00Z"),
                ApplicationOutcome.REFUSED,
                false);
        // April: 8 granted, 2 refused, 3 withdrawn; 5 of the 10 decisions late
        Instant april = Instant.parse("2033-04-05T09:00:00Z");
        for (int i = 0; i < 13; i++) {
            ApplicationOutcome outcome = i < 8
                    ? ApplicationOutcome.GRANTED
                    : i < 10 ? ApplicationOutcome.REFUSED : ApplicationOutcome.WITHDRAWN;
            Instant decided = april.plus(Duration.ofHours(i));
            application(kafka, decided, decided.minus(DAY.multipliedBy(3)), outcome, i % 2 == 0);
        }
        // May: 2 granted, 1 refused
        Instant may = Instant.parse("2033-05-05T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            Instant decided = may.plus(Duration.ofHours(i));
            application(
                    kafka,
                    decided,
                    decided.minus(DAY.multipliedBy(2)),
                    i < 2 ? ApplicationOutcome.GRANTED : ApplicationOutcome.REFUSED,
                    false);
        }
        // June: 5 granted in 2 days each, and 2 whose appliedAt is no instant, recorded as they came
        Instant june = Instant.parse("2033-06-05T09:00:00Z");
        for (int i = 0; i < 7; i++) {
            Instant decided = june.plus(Duration.ofHours(i));
            Instant appliedAt = decided.minus(DAY.multipliedBy(2));
            String id = app(++next);
            Event<EventData> event =
                    AuditEvents.eventAt(decided, OFFICER, decided(id, ApplicationOutcome.GRANTED, appliedAt, false));
            String json = new String(CODEC.encode(event), StandardCharsets.UTF_8);
            if (i >= 5) {
                json = json.replace(
                        "\"appliedAt\":\"" + appliedAt + "\"",
                        "\"appliedAt\":\"" + (i == 5 ? "infinity" : "2033-13-40T00:00:00Z") + "\"");
                assertThat(json).doesNotContain(appliedAt.toString());
            }
            kafka.send(event.topic().topicName(), id, json.getBytes(StandardCharsets.UTF_8));
            published++;
        }
        // the figures are read once the log holds every event of this test, the repeated decision among them
        await().atMost(Duration.ofSeconds(90)).until(() -> entries() == published);
    }

    @Test
    void decidedApplicationsAreCountedByOutcomeOncePerApplicationWithinThePeriod() {
        JsonPath f = figures(WINTER);
        assertThat(f.getInt("licences.decided")).isEqualTo(23);
        assertThat(cells(f, "licences.byOutcome"))
                .containsExactly(Map.entry("GRANTED", 12), Map.entry("REFUSED", 6), Map.entry("WITHDRAWN", 5));
        // a licence application is no transfer decision
        assertThat(f.getString("decisions.total")).isEqualTo("<5");
    }

    @Test
    void turnaroundIsAppliedToDecidedOfGrantedAndRefusedApplicationsOnly() {
        JsonPath f = figures(WINTER);
        assertThat(f.getInt("licences.turnaround.cases")).isEqualTo(18);
        // 1..18 days: the median 9.5 days, the 90th percentile 16.3 days; with the withdrawals' 100 days,
        // or the repeated decision's 50, neither would hold
        assertThat(f.getLong("licences.turnaround.medianSeconds")).isEqualTo(820_800);
        assertThat(f.getLong("licences.turnaround.p90Seconds")).isEqualTo(1_408_320);
    }

    @Test
    void theShareLateIsOfGrantedAndRefusedApplicationsWithoutTheWithdrawals() {
        JsonPath f = figures(WINTER);
        assertThat(cells(f, "licences.byTimeliness")).containsExactly(Map.entry("ON_TIME", 13), Map.entry("LATE", 5));
        assertThat(f.getInt("licences.latePercent")).isEqualTo(28); // 5 of 18
    }

    @Test
    void hiddenWithdrawalsKeepTheCasesAndOneOnTimeOrLateCountHiddenToo() {
        JsonPath f = figures(APRIL);
        assertThat(f.getInt("licences.decided")).isEqualTo(13);
        assertThat(cells(f, "licences.byOutcome"))
                .containsExactly(Map.entry("GRANTED", 8), Map.entry("REFUSED", "<5"), Map.entry("WITHDRAWN", "<5"));
        // 13 - 10 would give the withdrawals, and so would 13 - (5 + 5)
        assertThat(f.getString("licences.turnaround.cases")).isEqualTo("withheld");
        assertThat(cells(f, "licences.byTimeliness"))
                .containsExactly(Map.entry("LATE", 5), Map.entry("ON_TIME", "withheld"));
        assertThat(f.getString("licences.latePercent")).isNull();
        // ten cases are enough for a turnaround: 3 days each
        assertThat(f.getLong("licences.turnaround.medianSeconds")).isEqualTo(259_200);
    }

    @Test
    void belowTheThresholdOnlyLabelsAndNoTurnaroundArePublished() {
        JsonPath f = figures(MAY);
        assertThat(f.getString("licences.decided")).isEqualTo("<5");
        assertThat(cells(f, "licences.byOutcome"))
                .containsExactly(Map.entry("GRANTED", "<5"), Map.entry("REFUSED", "<5"));
        assertThat(f.getString("licences.turnaround.cases")).isEqualTo("<5");
        assertThat(f.getString("licences.turnaround.medianSeconds")).isNull();
        assertThat(f.getString("licences.turnaround.p90Seconds")).isNull();
        assertThat(cells(f, "licences.byTimeliness")).containsExactly(Map.entry("ON_TIME", "<5"));
        assertThat(f.getString("licences.latePercent")).isNull();
    }

    @Test
    void theCsvHasTheSameLicenceFiguresAsTheJsonAndNeitherNamesAnyoneOrAnything() {
        for (String period : List.of(WINTER, APRIL, MAY)) {
            String json = given().get("/api/v1/public/figures?" + period).asString();
            String csv = given().get("/api/v1/public/figures.csv?" + period).asString();
            List<String> rows =
                    csv.lines().filter(line -> line.startsWith("licences.")).toList();
            assertThat(rows).as(period).isEqualTo(licenceRows(JsonPath.from(json)));
            for (String text : List.of(json, csv)) {
                // BR is the licence decisions' country facet too: transfer decisions by country must not count them
                assertThat(text).doesNotContain(RUN).doesNotContain("Keller", "olga", "lara", "LIC-", "\"BR\"", ",BR,");
            }
        }
        assertThat(given().get("/api/v1/public/figures.csv?" + WINTER).asString())
                .contains("licences.decided,,23\r\n")
                .contains("licences.byOutcome,WITHDRAWN,5\r\n")
                .contains("licences.turnaround.medianSeconds,,820800\r\n")
                .contains("licences.byTimeliness,LATE,5\r\n")
                .contains("licences.latePercent,,28\r\n");
        assertThat(given().get("/api/v1/public/figures.csv?" + MAY).asString())
                .contains("licences.turnaround.medianSeconds,,not shown\r\n")
                .contains("licences.latePercent,,not shown\r\n");
    }

    @Test
    void theLogFindsAnApplicationAndItsDecisionByInstitutionPartnerAndCountryAndTheDecisionByOutcome()
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT type, institution, partner, country, outcome"
                        + " FROM log_entry WHERE subject = ? ORDER BY event_time, idx")) {
            ps.setString(1, app(13));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + " " + rs.getString(5));
                }
            }
            assertThat(rows)
                    .containsExactly(
                            "LicenceApplied " + INSTITUTION + " " + PARTNER + " BR null",
                            "LicenceApplicationVoteCast null null null null",
                            "LicenceApplicationDecided " + INSTITUTION + " " + PARTNER + " BR REFUSED");
        }
    }

    @Test
    void anApplicationWhoseAppliedAtIsNoInstantIsCountedButNotMeasured() {
        JsonPath f = figures(JUNE);
        assertThat(f.getInt("licences.decided")).isEqualTo(7);
        assertThat(cells(f, "licences.byOutcome")).containsExactly(Map.entry("GRANTED", 7));
        assertThat(f.getInt("licences.turnaround.cases")).isEqualTo(5);
        assertThat(f.getLong("licences.turnaround.medianSeconds")).isEqualTo(172_800);
        assertThat(f.getLong("licences.turnaround.p90Seconds")).isEqualTo(172_800);
    }

    @Test
    void aMalformedAppliedAtIsNoInstantRatherThanAFailedQuery() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT sluice_instant('2033-01-10T09:00:00Z'),"
                                + " sluice_instant('2033-01-10T09:00:00.5Z'), sluice_instant('infinity'),"
                                + " sluice_instant('2033-13-40T09:00:00Z'), sluice_instant('yesterday'), sluice_instant(NULL)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(Instant.parse("2033-01-10T09:00:00Z"));
            assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(Instant.parse("2033-01-10T09:00:00.5Z"));
            for (int i = 3; i <= 6; i++) {
                assertThat(rs.getTimestamp(i)).as("column " + i).isNull();
            }
        }
    }

    /** The licence rows the CSV must hold, written from the JSON. */
    private static List<String> licenceRows(JsonPath f) {
        List<String> rows = new ArrayList<>();
        rows.add("licences.decided,," + f.getString("licences.decided"));
        for (Map.Entry<String, Object> c : cells(f, "licences.byOutcome")) {
            rows.add("licences.byOutcome," + c.getKey() + "," + c.getValue());
        }
        rows.add("licences.turnaround.cases,," + f.getString("licences.turnaround.cases"));
        rows.add("licences.turnaround.medianSeconds,," + shown(f.get("licences.turnaround.medianSeconds")));
        rows.add("licences.turnaround.p90Seconds,," + shown(f.get("licences.turnaround.p90Seconds")));
        for (Map.Entry<String, Object> c : cells(f, "licences.byTimeliness")) {
            rows.add("licences.byTimeliness," + c.getKey() + "," + c.getValue());
        }
        rows.add("licences.latePercent,," + shown(f.get("licences.latePercent")));
        return rows;
    }

    private static String shown(Object value) {
        return value == null ? "not shown" : value.toString();
    }

    private int entries() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM log_entry WHERE subject LIKE ?")) {
            ps.setString(1, "la-" + RUN + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One application from applied to its end: applied, a vote (escalated when late), decided. */
    private static void application(
            KafkaTestClient kafka, Instant decided, Instant appliedAt, ApplicationOutcome outcome, boolean late) {
        String id = app(++next);
        Instant expectedBy = late ? decided.minus(Duration.ofHours(1)) : decided.plus(DAY);
        publish(kafka, appliedAt, APPLICANT, applied(id, expectedBy));
        if (late) {
            publish(
                    kafka,
                    expectedBy,
                    AuditEvents.ENGINE,
                    new LicenceApplicationEscalated(
                            id, expectedBy, expectedBy.plus(DAY), "senior-export-control-officer"));
        }
        if (outcome != ApplicationOutcome.WITHDRAWN) {
            Vote vote = outcome == ApplicationOutcome.GRANTED ? Vote.APPROVE : Vote.DENY;
            publish(kafka, decided, OFFICER, new LicenceApplicationVoteCast(id, vote, REASON, true));
        }
        publish(
                kafka,
                decided,
                outcome == ApplicationOutcome.WITHDRAWN ? APPLICANT : OFFICER,
                decided(id, outcome, appliedAt, late));
    }

    private static LicenceApplied applied(String id, Instant expectedBy) {
        return new LicenceApplied(
                id,
                "LIC-" + id,
                INSTITUTION,
                PARTNER,
                "BR",
                List.of(Category.HUMAN_INDIVIDUAL),
                new Purpose("DUO:0000007", null, false, "Replication study " + RUN),
                List.of(new EndUser(END_USER, "Instituto " + RUN, "BR")),
                null,
                null,
                LocalDate.parse("2033-06-01"),
                LocalDate.parse("2034-05-31"),
                RiskLevel.STANDARD,
                1,
                expectedBy);
    }

    private static LicenceApplicationDecided decided(
            String id, ApplicationOutcome outcome, Instant appliedAt, boolean late) {
        boolean granted = outcome == ApplicationOutcome.GRANTED;
        return new LicenceApplicationDecided(
                id,
                outcome,
                INSTITUTION,
                PARTNER,
                "BR",
                granted ? "LIC-" + id : null,
                granted
                        ? new LicenceTerms(
                                LocalDate.parse("2033-06-01"),
                                LocalDate.parse("2034-05-31"),
                                null,
                                null,
                                false,
                                null,
                                List.of())
                        : null,
                granted ? List.of() : List.of(REASON),
                appliedAt,
                appliedAt.plus(DAY.multipliedBy(10)),
                late);
    }

    private static void publish(KafkaTestClient kafka, Instant time, Principal actor, EventData data) {
        Event<EventData> event = AuditEvents.eventAt(time, actor, data);
        kafka.publish(event);
        published++;
    }

    private static String app(int n) {
        return String.format(java.util.Locale.ROOT, "la-%s-%02d", RUN, n);
    }

    private static JsonPath figures(String query) {
        return PublicFiguresTest.figures(query);
    }

    private static List<Map.Entry<String, Object>> cells(JsonPath f, String list) {
        List<Map<String, Object>> cells = f.getList(list);
        return cells.stream()
                .map(c -> Map.entry((String) c.get("key"), c.get("count")))
                .toList();
    }
}
