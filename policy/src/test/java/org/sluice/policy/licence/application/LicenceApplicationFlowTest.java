package org.sluice.policy.licence.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.sluice.policy.licence.application.ApplicationCalls.PATH;
import static org.sluice.policy.licence.application.ApplicationCalls.apply;
import static org.sluice.policy.licence.application.ApplicationCalls.approve;
import static org.sluice.policy.licence.application.ApplicationCalls.deny;
import static org.sluice.policy.licence.application.ApplicationCalls.get;
import static org.sluice.policy.licence.application.ApplicationCalls.pathogenApplication;
import static org.sluice.policy.licence.application.ApplicationCalls.standardApplication;
import static org.sluice.policy.licence.application.ApplicationCalls.terms;
import static org.sluice.policy.licence.application.ApplicationCalls.vote;
import static org.sluice.policy.licence.application.ApplicationCalls.withdraw;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

/**
 * Issue 14: an institution applies for an individual licence, the export-control office grants it under
 * four eyes with narrowed terms, the licence exists and the transfer that cited it and was denied is
 * re-decided APPROVE; and every refusal the contract names, through the API a user calls.
 */
@QuarkusTest
class LicenceApplicationFlowTest {

    private static final String REVIEWER = "la.first@eco";
    private static final String REVIEWER_2 = "la.second@eco";
    private static final String SENIOR = "la.senior@eco";

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Inject
    LicenceApplications applications;

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void aGrantCreatesTheLicenceAndTheTransferThatCitedItIsReDecidedApprove() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String body = pathogenApplication(today, today.plusDays(300));
        String key = "la-key-" + UUID.randomUUID();
        Response applied = apply("i-rivm", body, key);
        applied.then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("risk", equalTo("HIGH"))
                .body("requiredVotes", equalTo(2))
                .body("institutionId", equalTo("i-rivm"))
                .body("appliedBy", equalTo("submitter@i-rivm"));
        String id = applied.jsonPath().getString("applicationId");
        String licenceId = applied.jsonPath().getString("licenceId");
        assertThat(licenceId).matches("LIC-A-[0-9]{6}");
        assertThat(applied.header("Location")).endsWith(PATH + "/" + id);
        Instant appliedAt = Instant.parse(applied.jsonPath().getString("appliedAt"));
        assertThat(Instant.parse(applied.jsonPath().getString("expectedBy")))
                .isEqualTo(appliedAt.plus(Duration.ofDays(20)));

        // a retry answers the same application; the same key with another body is refused
        Response retry = apply("i-rivm", body, key);
        retry.then().statusCode(201).body("applicationId", equalTo(id)).header("Idempotent-Replayed", "true");
        apply("i-rivm", body.replace("\"quotaTransfers\": 20", "\"quotaTransfers\": 21"), key)
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-key-reused"));
        assertThat(events(id, e -> e.data() instanceof LicenceApplied).stream()
                        .filter(e -> e.data() instanceof LicenceApplied))
                .hasSize(1);

        // a transfer citing the licence before the grant is denied and waits for it
        String transferId = "tr-la-waiting-" + UUID.randomUUID();
        TransferRequest cited = Scenarios.citing(Scenarios.named("P28").typedRequest(), List.of(licenceId));
        kafka.publish(Event.of(
                "/sluice/gateway",
                new Principal("submitter@i-rivm", List.of("submitter"), "i-rivm", null),
                new TransferRequested(transferId, "i-rivm", cited),
                Clock.systemUTC()));
        TransferDecided denied = decision(transferId, DecisionSource.ENGINE);
        assertThat(denied.outcome()).isEqualTo(Outcome.DENY);
        assertThat(denied.codes()).contains("LICENCE_INVALID");
        get(Tokens.submitter("i-rivm"), id).then().statusCode(200).body("waitingTransfers", hasItem(transferId));

        // an officer of the applying institution never decides
        vote(Tokens.token("k.officer@rivm", List.of("reviewer", "senior-reviewer"), "i-rivm", null), id, approve(null))
                .then()
                .statusCode(403)
                .body("type", endsWith("/separation-of-duties"));
        String wider = terms(today, today.plusDays(301), 10_000_000_000L, 5, false);
        vote(Tokens.reviewer(REVIEWER), id, approve(wider))
                .then()
                .statusCode(409)
                .body("type", endsWith("/terms-exceed-application"));
        String narrow = terms(today, today.plusDays(200), 10_000_000_000L, 5, false);
        vote(Tokens.reviewer(REVIEWER), id, approve(narrow))
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("votes.officer", hasItem(REVIEWER))
                .body("votes[0].terms.validUntil", equalTo(today.plusDays(200).toString()));
        vote(Tokens.reviewer(REVIEWER), id, approve(null))
                .then()
                .statusCode(409)
                .body("type", endsWith("/four-eyes"));
        vote(Tokens.reviewer(REVIEWER_2), id, approve(null))
                .then()
                .statusCode(403)
                .body("type", endsWith("/senior-reviewer-required"));
        vote(Tokens.seniorReviewer(SENIOR), id, approve(terms(today, today.plusDays(100), 10_000_000_000L, 5, false)))
                .then()
                .statusCode(409)
                .body("type", endsWith("/terms-differ"));
        vote(Tokens.seniorReviewer(SENIOR), id, approve(null))
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("terms.validUntil", equalTo(today.plusDays(200).toString()))
                .body("terms.quotaTransfers", equalTo(5));

        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/licences/" + licenceId)
                .then()
                .statusCode(200)
                .body("type", equalTo("INDIVIDUAL"))
                .body("holder", equalTo("i-rivm"))
                .body("destinations", equalTo(List.of("US")))
                .body("categories", equalTo(List.of("PATHOGEN_OF_CONCERN")))
                .body("validUntil", equalTo(today.plusDays(200).toString()))
                .body("quotaTransfers", equalTo(5))
                .body("endUse", equalTo("Cross-validation of filovirus diagnostic assays"));

        List<Event<?>> published = events(id, e -> e.data() instanceof LicenceApplicationDecided);
        LicenceApplicationDecided decided = published.stream()
                .filter(e -> e.data() instanceof LicenceApplicationDecided)
                .map(e -> e.dataAs(LicenceApplicationDecided.class))
                .findFirst()
                .orElseThrow();
        assertThat(decided.outcome()).isEqualTo(ApplicationOutcome.GRANTED);
        assertThat(decided.licenceId()).isEqualTo(licenceId);
        assertThat(decided.terms().quotaTransfers()).isEqualTo(5L);
        assertThat(decided.late()).isFalse();
        assertThat(published.stream()
                        .filter(e -> e.data() instanceof LicenceApplicationVoteCast)
                        .map(e -> e.dataAs(LicenceApplicationVoteCast.class).decisive()))
                .containsExactly(false, true);
        LicenceChanged changed = kafka
                .readUntil(
                        Topic.POLICY_CHANGES.topicName(),
                        r -> r.event().data() instanceof LicenceChanged c
                                && c.licenceId().equals(licenceId),
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> r.event().data())
                .filter(d -> d instanceof LicenceChanged c && c.licenceId().equals(licenceId))
                .map(LicenceChanged.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(changed.change()).isEqualTo(ChangeKind.CREATED);

        TransferDecided redecided = decision(transferId, DecisionSource.REEVALUATION);
        assertThat(redecided.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(redecided.supersedes()).isEqualTo(denied.decisionId());
        get(Tokens.submitter("i-rivm"), id).then().statusCode(200).body("waitingTransfers", equalTo(List.of()));

        vote(Tokens.reviewer(REVIEWER_2), id, deny())
                .then()
                .statusCode(409)
                .body("type", endsWith("/application-closed"));
        withdraw("i-rivm", id, "{\"reason\": \"no longer needed\"}")
                .then()
                .statusCode(409)
                .body("type", endsWith("/application-closed"));
    }

    @Test
    void anInstitutionsApplicationsArePagedByTheCursorEachPageGives() {
        String institution = "i-la-pages-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(apply(institution, standardApplication(), null)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("applicationId"));
        }
        Response first = given().auth().oauth2(Tokens.submitter(institution)).get(PATH + "?limit=2");
        first.then().statusCode(200);
        List<String> shown = new ArrayList<>(first.jsonPath().getList("items.applicationId", String.class));
        assertThat(shown).hasSize(2);
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotBlank();
        Response second = given().auth().oauth2(Tokens.submitter(institution)).get(PATH + "?limit=2&after=" + next);
        second.then().statusCode(200).body("next", nullValue());
        shown.addAll(second.jsonPath().getList("items.applicationId", String.class));
        assertThat(shown).as("every application once, over the two pages").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aStandardApplicationIsSeenByItsInstitutionAndTheOfficeOnlyAndCanBeWithdrawnOnce() {
        Response applied = apply("i-umcu", standardApplication(), null);
        applied.then().statusCode(201).body("risk", equalTo("STANDARD")).body("requiredVotes", equalTo(1));
        String id = applied.jsonPath().getString("applicationId");
        Instant appliedAt = Instant.parse(applied.jsonPath().getString("appliedAt"));
        assertThat(Instant.parse(applied.jsonPath().getString("expectedBy")))
                .isEqualTo(appliedAt.plus(Duration.ofDays(10)));

        get(Tokens.submitter("i-rivm"), id).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.submitter("i-rivm"))
                .get(PATH + "?limit=200")
                .then()
                .statusCode(200)
                .body("items.applicationId", not(hasItem(id)));
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .get(PATH + "?limit=200")
                .then()
                .statusCode(200)
                .body("items.applicationId", hasItem(id));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get(PATH + "?status=PENDING&limit=200")
                .then()
                .statusCode(200)
                .body("items.applicationId", hasItem(id))
                .body("items.status", not(hasItem("GRANTED")));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get(PATH + "?status=LOST&limit=0&after=%%%")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("status", "limit", "after"));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .contentType("application/json")
                .body(standardApplication())
                .post(PATH)
                .then()
                .statusCode(403);

        withdraw("i-rivm", id, "{\"reason\": \"not ours\"}").then().statusCode(404);
        withdraw("i-umcu", id, "{\"reason\": \"\u200b \u2060\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].rule", equalTo("notBlank"));
        withdraw("i-umcu", id, "{\"reason\": \"The partner cancelled the project.\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("reasons", equalTo(List.of("The partner cancelled the project.")));
        vote(Tokens.seniorReviewer(SENIOR), id, approve(null))
                .then()
                .statusCode(409)
                .body("type", endsWith("/application-closed"));
        withdraw("i-umcu", id, "{\"reason\": \"again\"}")
                .then()
                .statusCode(409)
                .body("type", endsWith("/application-closed"));
        LicenceApplicationDecided withdrawn = events(id, e -> e.data() instanceof LicenceApplicationDecided).stream()
                .filter(e -> e.data() instanceof LicenceApplicationDecided)
                .map(e -> e.dataAs(LicenceApplicationDecided.class))
                .findFirst()
                .orElseThrow();
        assertThat(withdrawn.outcome()).isEqualTo(ApplicationOutcome.WITHDRAWN);
        assertThat(withdrawn.licenceId()).isNull();

        String refusedId =
                apply("i-umcu", standardApplication(), null).jsonPath().getString("applicationId");
        vote(Tokens.reviewer(REVIEWER), refusedId, deny())
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("reasons", equalTo(List.of("End use not credible.")));
        get(Tokens.submitter("i-umcu"), refusedId).then().statusCode(200).body("status", equalTo("REFUSED"));
    }

    @Test
    void noVoteGrantsWhileAnEmbargoOrADeniedPartyStandsButARefusalStillCan() throws Exception {
        String embargoed = standardApplication().replace("\"CA\"", "\"RU\"");
        Response ru = apply("i-umcu", embargoed, null);
        ru.then().statusCode(201).body("blockingReasons.code", hasItem("EMBARGOED_DESTINATION"));
        String ruId = ru.jsonPath().getString("applicationId");
        vote(Tokens.seniorReviewer(SENIOR), ruId, approve(null))
                .then()
                .statusCode(409)
                .body("type", endsWith("/override-not-allowed"))
                .body("detail", org.hamcrest.Matchers.containsString("EMBARGOED_DESTINATION"));
        vote(Tokens.seniorReviewer(SENIOR), ruId, deny()).then().statusCode(200).body("status", equalTo("REFUSED"));

        String deniedParty = standardApplication()
                .replace("\"CA\"", "\"US\"")
                .replace("\"Dr. Ada Moss\"", "\"Dr. Dorian M. Vexley\"")
                .replace("\"University of Toronto\"", "\"Broad Institute\"");
        Response us = apply("i-umcu", deniedParty, null);
        us.then()
                .statusCode(201)
                .body("risk", equalTo("STANDARD"))
                .body("blockingReasons.code", equalTo(List.of("DENIED_PARTY")));
        String usId = us.jsonPath().getString("applicationId");
        vote(Tokens.reviewer(REVIEWER), usId, approve(null))
                .then()
                .statusCode(409)
                .body("type", endsWith("/override-not-allowed"));
        get(Tokens.reviewer(REVIEWER), usId).then().statusCode(200).body("status", equalTo("PENDING"));
        assertThat(World.count("SELECT count(*) FROM policy.licences WHERE licence_id = '"
                        + us.jsonPath().getString("licenceId") + "'"))
                .isZero();
    }

    @Test
    void everyBrokenFieldOfAnApplicationOrAVoteIsNamedWithItsRule() {
        String broken =
                "{\"destinationCountry\": \"XX\", \"colour\": \"red\", \"categories\": [\"NON_HUMAN\", \"GOSSIP\"],"
                        + " \"purpose\": {\"duo\": \"DUO:1\", \"description\": \"\u200b\", \"mood\": 1}, \"endUsers\": [],"
                        + " \"quotaBytes\": 0, \"validFrom\": \"2027-02-01\", \"validUntil\": \"2027-01-01\"}";
        apply("i-umcu", broken, null)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("colour", "purpose.mood"))
                .body("errors.rule", hasItem("additionalProperties"));
        String invalid = broken.replace(", \"colour\": \"red\"", "").replace(", \"mood\": 1", "");
        Response r = apply("i-umcu", invalid, null);
        r.then().statusCode(400);
        assertThat(r.jsonPath().getList("errors.collect { it.field + ':' + it.rule }", String.class))
                .contains(
                        "destinationCountry:country",
                        "categories[1]:enum",
                        "purpose.duo:pattern",
                        "purpose.description:notBlank",
                        "endUsers:minItems",
                        "quotaBytes:minimum",
                        "validUntil:afterValidFrom");
        apply("i-umcu", standardApplication().replace("2027-12-31", "2029-06-01"), null)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("validUntil")))
                .body("errors.rule", equalTo(List.of("maxValidity")));

        String id = apply("i-umcu", standardApplication(), null).jsonPath().getString("applicationId");
        Response v = vote(
                Tokens.reviewer(REVIEWER),
                id,
                "{\"vote\": \"MAYBE\", \"justification\": \" \u200b\", \"terms\": {\"validFrom\": \"2027-01-01\","
                        + " \"validUntil\": \"2027-06-30\", \"quotaBytes\": 0, \"postShipmentVerification\": true}}");
        v.then().statusCode(400);
        assertThat(v.jsonPath().getList("errors.collect { it.field + ':' + it.rule }", String.class))
                .contains(
                        "vote:enum",
                        "justification:notBlank",
                        "terms.quotaBytes:minimum",
                        "terms.verificationDays:required");
        vote(
                        Tokens.reviewer(REVIEWER),
                        id,
                        "{\"vote\": \"APPROVE\", \"justification\": \"ok\", \"terms\": {\"waived\": true}}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("terms.waived"));
        vote(Tokens.reviewer(REVIEWER), id, "{\"justification\": \"ok\"}")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("vote")))
                .body("errors.rule", equalTo(List.of("required")));
        vote(Tokens.submitter("i-rivm"), id, approve(null)).then().statusCode(403);
        get(Tokens.reviewer(REVIEWER), id).then().statusCode(200).body("votes", equalTo(List.of()));
        get(Tokens.reviewer(REVIEWER), "la-unknown").then().statusCode(404);
    }

    @Test
    void anApplicationPastItsServiceLevelEscalatesAndIsDecidedLateBySeniorsOnly() {
        // people of their own: the rate limiter's buckets read the clock, and those this test moves ten days
        // ahead refill only when real time catches up, so no other test may share them
        String reviewer = Tokens.token("la.clock.reviewer@eco", List.of("reviewer"), "eco-la-clock", null);
        String senior =
                Tokens.token("la.clock.senior@eco", List.of("reviewer", "senior-reviewer"), "eco-la-clock", null);
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        Response applied = apply("i-la-clock", standardApplication(), null);
        String id = applied.jsonPath().getString("applicationId");
        Instant expectedBy = Instant.parse(applied.jsonPath().getString("expectedBy"));

        clock.advance(Duration.ofDays(10).minusMinutes(1));
        assertThat(applications.escalateOverdue()).doesNotContain(id);
        get(reviewer, id).then().body("late", equalTo(false)).body("escalated", equalTo(false));
        clock.advance(Duration.ofMinutes(2));
        assertThat(applications.escalateOverdue()).contains(id);
        assertThat(applications.escalateOverdue()).doesNotContain(id);

        LicenceApplicationEscalated escalated =
                events(id, e -> e.data() instanceof LicenceApplicationEscalated).stream()
                        .filter(e -> e.data() instanceof LicenceApplicationEscalated)
                        .map(e -> e.dataAs(LicenceApplicationEscalated.class))
                        .findFirst()
                        .orElseThrow();
        assertThat(escalated.missedExpectedBy()).isEqualTo(expectedBy);
        assertThat(escalated.newExpectedBy()).isEqualTo(expectedBy.plus(Duration.ofDays(5)));
        assertThat(escalated.escalatedToRole()).isEqualTo("senior-reviewer");
        Response view = get(reviewer, id);
        view.then()
                .body("escalated", equalTo(true))
                .body("late", equalTo(true))
                .body("expectedBy", equalTo(escalated.newExpectedBy().toString()));
        assertThat(Duration.parse(view.jsonPath().getString("timeTaken"))).isGreaterThan(Duration.ofDays(10));

        vote(reviewer, id, approve(null)).then().statusCode(403).body("type", endsWith("/senior-reviewer-required"));
        vote(senior, id, approve(null))
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("late", equalTo(true));
        LicenceApplicationDecided decided = events(id, e -> e.data() instanceof LicenceApplicationDecided).stream()
                .filter(e -> e.data() instanceof LicenceApplicationDecided)
                .map(e -> e.dataAs(LicenceApplicationDecided.class))
                .findFirst()
                .orElseThrow();
        assertThat(decided.late()).isTrue();
        assertThat(decided.expectedBy()).isEqualTo(escalated.newExpectedBy());
    }

    // ---- helpers

    /** The application's events on sluice.policy.changes, read until one matches. */
    private List<Event<?>> events(String applicationId, Predicate<Event<?>> until) {
        return kafka
                .readUntil(
                        Topic.POLICY_CHANGES.topicName(),
                        r -> applicationId.equals(r.key()) && until.test(r.event()),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> applicationId.equals(r.key()))
                .<Event<?>>map(KafkaTestClient.Received::event)
                .toList();
    }

    private TransferDecided decision(String transferId, DecisionSource source) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DECIDED.topicName(),
                r -> transferId.equals(r.key())
                        && r.event().dataAs(TransferDecided.class).source() == source,
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(TransferDecided.class);
    }
}
