package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.Principal;
import org.sluice.events.json.Json;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * A licence application followed through the log by its subject, as a transfer is by its id: two
 * applications of one institution, their events interleaved on the broker. Only an application's
 * {@code LicenceApplied} and {@code LicenceApplicationDecided} name the institution; its votes and
 * escalation carry nothing but the application id, as the events' subject.
 */
@QuarkusTest
class LicenceApplicationQueryTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String INSTITUTION = "i-laq-" + RUN;
    private static final Principal APPLICANT =
            new Principal("lara." + RUN + "@" + INSTITUTION, List.of("submitter"), INSTITUTION, null);
    private static final Principal OFFICER =
            new Principal("olga." + RUN + "@eco", List.of("export-control-officer"), null, null);
    private static final Principal SENIOR =
            new Principal("sven." + RUN + "@eco", List.of("senior-export-control-officer"), null, null);
    private static final Instant T = Instant.parse("2034-02-01T09:00:00Z");

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void anApplicationsEntriesAreFoundBySubjectInOrderAndItsStartAndEndByInstitution() {
        String a = "la-q-" + RUN + "-a";
        String b = "la-q-" + RUN + "-b";
        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        String appliedA = publish(ofA, T, APPLICANT, applied(a, "BR", T.plus(Duration.ofDays(1))));
        String appliedB = publish(ofB, T.plusSeconds(60), APPLICANT, applied(b, "US", T.plus(Duration.ofDays(5))));
        publish(
                ofA,
                T.plus(Duration.ofHours(1)),
                OFFICER,
                new LicenceApplicationVoteCast(a, Vote.APPROVE, "ok", false));
        publish(ofB, T.plus(Duration.ofHours(2)), OFFICER, new LicenceApplicationVoteCast(b, Vote.DENY, "no", true));
        String decidedB = publish(
                ofB,
                T.plus(Duration.ofHours(3)),
                OFFICER,
                decided(b, ApplicationOutcome.REFUSED, "US", T.plus(Duration.ofDays(5)), false));
        publish(
                ofA,
                T.plus(Duration.ofDays(1)),
                AuditEvents.ENGINE,
                new LicenceApplicationEscalated(
                        a, T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(3)), "senior-export-control-officer"));
        publish(
                ofA,
                T.plus(Duration.ofDays(2)),
                SENIOR,
                new LicenceApplicationVoteCast(a, Vote.APPROVE, "end use verified", true));
        String decidedA = publish(
                ofA,
                T.plus(Duration.ofDays(2)).plusSeconds(1),
                SENIOR,
                decided(a, ApplicationOutcome.GRANTED, "BR", T.plus(Duration.ofDays(3)), true));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> search("subject=" + a).getList("entries").size() == ofA.size()
                        && search("subject=" + b).getList("entries").size() == ofB.size());

        JsonPath trail = search("subject=" + a);
        assertThat(trail.getList("entries.eventId", String.class))
                .as("every entry of the application, in log order, and none of the other's")
                .containsExactlyElementsOf(ofA);
        assertThat(trail.getList("entries.type", String.class))
                .containsExactly(
                        "LicenceApplied",
                        "LicenceApplicationVoteCast",
                        "LicenceApplicationEscalated",
                        "LicenceApplicationVoteCast",
                        "LicenceApplicationDecided");
        assertThat(trail.getList("entries.index", Long.class)).isSorted().doesNotHaveDuplicates();
        assertThat(trail.getList("entries.event.subject", String.class)).containsOnly(a);
        assertThat(search("subject=" + a + "&order=desc").getList("entries.eventId", String.class))
                .containsExactlyElementsOf(reversed(ofA));
        assertThat(search("subject=" + b).getList("entries.eventId", String.class))
                .containsExactlyElementsOf(ofB);
        assertThat(search("subject=la-q-" + RUN).getList("entries"))
                .as("a subject is matched whole, not as a prefix")
                .isEmpty();

        // the institution finds both applications' start and end, and nothing of their votes or escalation
        assertThat(search("institution=" + INSTITUTION).getList("entries.eventId", String.class))
                .containsExactly(appliedA, appliedB, decidedB, decidedA);
        JsonPath ofInstitution = search("institution=" + INSTITUTION + "&subject=" + a);
        assertThat(ofInstitution.getList("entries.eventId", String.class)).containsExactly(appliedA, decidedA);
        assertThat(ofInstitution.getList("entries.country", String.class)).containsExactly("BR", "BR");
        assertThat(search("institution=" + INSTITUTION + "&outcome=GRANTED").getList("entries.eventId", String.class))
                .containsExactly(decidedA);
        assertThat(search("institution=" + INSTITUTION + "&type=TransferDecided")
                        .getList("entries"))
                .as("a licence decision is no transfer decision")
                .isEmpty();

        // the export takes the same filter
        List<String> exported = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/export?subject=" + a)
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString()
                .lines()
                .map(LicenceApplicationQueryTest::eventIdOfLine)
                .toList();
        assertThat(exported).containsExactlyElementsOf(ofA);
        String csv = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/export?format=csv&subject=" + b)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(1 + ofB.size());
        for (String id : ofB) {
            assertThat(csv).contains("," + id + ",");
        }
        for (String id : ofA) {
            assertThat(csv).doesNotContain(id);
        }
    }

    @Test
    void aSubjectLongerThanTheLimitIsA400NamingIt() {
        for (String endpoint : List.of("/api/v1/audit/entries", "/api/v1/audit/export")) {
            given().auth()
                    .oauth2(Tokens.securityAnalyst())
                    .get(endpoint + "?subject=" + "x".repeat(201))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].field", equalTo("subject"))
                    .body("errors[0].rule", equalTo("maxLength"));
        }
    }

    private String publish(List<String> ids, Instant time, Principal actor, EventData data) {
        Event<EventData> event = AuditEvents.eventAt(time, actor, data);
        kafka.publish(event);
        ids.add(event.id());
        return event.id();
    }

    private static LicenceApplied applied(String id, String country, Instant expectedBy) {
        return new LicenceApplied(
                id,
                "LIC-" + id,
                INSTITUTION,
                "p-laq-" + RUN,
                country,
                List.of(Category.HUMAN_INDIVIDUAL),
                new Purpose("DUO:0000007", null, false, "Replication study"),
                List.of(new EndUser("Dr. Lia Keller", "Instituto", country)),
                null,
                null,
                LocalDate.parse("2034-03-01"),
                LocalDate.parse("2035-02-28"),
                RiskLevel.STANDARD,
                1,
                expectedBy);
    }

    private static LicenceApplicationDecided decided(
            String id, ApplicationOutcome outcome, String country, Instant expectedBy, boolean late) {
        boolean granted = outcome == ApplicationOutcome.GRANTED;
        return new LicenceApplicationDecided(
                id,
                outcome,
                INSTITUTION,
                "p-laq-" + RUN,
                country,
                granted ? "LIC-" + id : null,
                null,
                granted ? List.of() : List.of("End use not verified"),
                T,
                expectedBy,
                late);
    }

    private static JsonPath search(String query) {
        return QueryExportVerifyTest.search(query);
    }

    private static String eventIdOfLine(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return node.path("eventId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
