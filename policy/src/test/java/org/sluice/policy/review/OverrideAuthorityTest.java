package org.sluice.policy.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.Destination;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * Issue 11: the two paths that approved transfers that must never be approved. An appeal cannot out-vote
 * a hard stop, and one reviewer cannot settle a four-eyes case by clearing its screening hit.
 */
@QuarkusTest
class OverrideAuthorityTest {

    private static final String REVIEWER = "a.first@eco";
    private static final String REVIEWER_2 = "a.second@eco";
    private static final String SENIOR = "a.senior@eco";
    /** On a list of this test's own, so no other test's adjudication of the fixture entries clears it. */
    private static final String ENTRY = "SYN-TEST-88001";

    private static final String SCREENED = "Mohammed Karim Velayati-Roshan";

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void anAppealOfTheTehranDenialIsRefusedWhateverTheVotesAndNoApprovalIsPublished() throws Exception {
        TransferRequest bulk = Scenarios.named("P05").typedRequest();
        TransferRequest tehran = new TransferRequest(
                bulk.dataset(),
                bulk.purpose(),
                new Destination("p-tehran", "IR"),
                List.of(new EndUser("Dr. Parisa Moradi", "Tehran Biomedical Research Centre", "IR")),
                bulk.licenceIds(),
                bulk.dsaId(),
                bulk.ethicsApprovalId(),
                bulk.basis(),
                bulk.payload());
        String transferId = "tr-auth-tehran-" + UUID.randomUUID();
        kafka.publish(request(transferId, "i-lumc", tehran));
        TransferDecided denial = decision(transferId, d -> d.source() == DecisionSource.ENGINE);
        assertThat(denial.outcome()).isEqualTo(Outcome.DENY);
        assertThat(denial.codes()).contains("EMBARGOED_DESTINATION", "COUNTRY_OF_CONCERN_BULK");
        assertThat(denial.hardStops()).isNotEmpty();

        kafka.publish(appeal(transferId, "i-lumc", denial.decisionId(), "The end user has moved to a partner in DE."));
        ReviewOpened appealCase = opened(transferId, ReviewKind.APPEAL);
        String id = appealCase.reviewId();

        claim(id, Tokens.reviewer(REVIEWER)).then().statusCode(200);
        decide(id, Tokens.reviewer(REVIEWER), "APPROVE", "The research is humanitarian.")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/override-not-allowed"))
                .body("detail", containsString("EMBARGOED_DESTINATION"))
                .body("detail", containsString("COUNTRY_OF_CONCERN_BULK"));
        // the refused vote left nothing behind: no vote row, the case open and still held by its reviewer
        assertThat(World.count("SELECT count(*) FROM policy.review_votes WHERE review_id = '" + id + "'"))
                .isZero();
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("reviewCase.status", equalTo("OPEN"));
        release(id, Tokens.reviewer(REVIEWER));

        // a senior reviewer cannot either: no number of votes lifts a hard stop
        claim(id, Tokens.seniorReviewer(SENIOR)).then().statusCode(200);
        decide(id, Tokens.seniorReviewer(SENIOR), "APPROVE", "Concur with the first reviewer.")
                .then()
                .statusCode(409)
                .body("type", endsWith("/override-not-allowed"));
        // denying stays possible, and settles the appeal
        decide(id, Tokens.seniorReviewer(SENIOR), "DENY", "Embargoed destination; nothing to decide.")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"));
        TransferDecided settled = decision(transferId, d -> d.source() == DecisionSource.APPEAL);
        assertThat(settled.outcome()).isEqualTo(Outcome.DENY);

        assertThat(decisionsOf(transferId)).noneMatch(d -> d.outcome().isApproval());
        assertThat(reviewVotes(transferId)).isEqualTo(1);
    }

    @Test
    void aLoneReviewersAdjudicationOfAFourEyesCaseIsOnlyASignatureAndTheCaseStaysOpen() throws Exception {
        loadTestList();
        String transferId = "tr-auth-adjudication-" + UUID.randomUUID();
        kafka.publish(request(transferId, "i-umcu", possibleHit()));
        ReviewOpened opened = opened(transferId, ReviewKind.DECISION);
        assertThat(opened.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(opened.requiredVotes()).isEqualTo(2);
        assertThat(opened.reasons())
                .anyMatch(r -> r.code().equals("POSSIBLE_DENIED_PARTY")
                        && r.evidence().stream().anyMatch(e -> e.id().equals(ENTRY)));
        String id = opened.reviewId();

        claim(id, Tokens.reviewer(REVIEWER)).then().statusCode(200);
        decide(id, Tokens.reviewer(REVIEWER), "APPROVE", "Different person: other birth date on the ORCID record.")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));

        // the same reviewer clears the hit: recorded as a first signature only
        adjudicate(Tokens.reviewer(REVIEWER), "Different birth date, checked with the partner's HR.")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("signedBy", contains(REVIEWER))
                .body("requiredSigners", equalTo(2))
                .body("seniorRequired", equalTo(true))
                .body("gatedReviews", contains(id));
        // a second ordinary reviewer is not enough either: four-eyes needs a senior among them
        adjudicate(Tokens.reviewer(REVIEWER_2), "Agree, not the listed person.")
                .then()
                .statusCode(202)
                .body("signedBy", contains(REVIEWER, REVIEWER_2));
        // nobody of the submitting institution may sign
        adjudicate(Tokens.token("k.colleague@umcu", List.of("reviewer", "senior-reviewer"), "i-umcu", null), "ours")
                .then()
                .statusCode(403)
                .body("type", endsWith("/separation-of-duties"));

        assertThat(World.count("SELECT count(*) FROM policy.screening_adjudications WHERE entry_id = '" + ENTRY
                        + "' AND verdict = 'NOT_THIS_PARTY'"))
                .isZero();
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER_2))
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("reviewCase.status", equalTo("OPEN"));
        assertThat(decisionsOf(transferId)).noneMatch(d -> d.outcome().isApproval());
        // one vote plus anything else does not approve: the first reviewer cannot vote again
        claim(id, Tokens.reviewer(REVIEWER)).then().statusCode(409).body("type", endsWith("/four-eyes"));

        // a senior's signature completes the adjudication; the re-evaluation keeps the case open
        adjudicate(Tokens.seniorReviewer(SENIOR), "Concur: different person.")
                .then()
                .statusCode(201)
                .body("verdict", equalTo("NOT_THIS_PARTY"))
                .body("current", equalTo(true));
        TransferDecided kept = decision(transferId, d -> d.source() == DecisionSource.REEVALUATION);
        assertThat(kept.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(kept.codes()).doesNotContain("POSSIBLE_DENIED_PARTY");
        assertThat(kept.reviewId()).isEqualTo(id);
        given().auth()
                .oauth2(Tokens.seniorReviewer(SENIOR))
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("reviewCase.status", equalTo("OPEN"));
        assertThat(decisionsOf(transferId)).noneMatch(d -> d.outcome().isApproval());

        // the second, senior vote settles it, and the approval names both people
        claim(id, Tokens.seniorReviewer(SENIOR)).then().statusCode(200);
        decide(id, Tokens.seniorReviewer(SENIOR), "APPROVE", "Concur with the first reviewer.")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"));
        TransferDecided approval = decision(transferId, d -> d.source() == DecisionSource.REVIEW);
        assertThat(approval.outcome().isApproval()).isTrue();
        assertThat(approval.deciders()).containsExactly(REVIEWER, SENIOR);
        assertThat(approval.requiredDeciders()).isEqualTo(2);
        assertThat(approval.sealable()).isTrue();
    }

    // ---- helpers

    /** P08 with its flagged end user replaced by a near match of this test's own list entry. */
    private static TransferRequest possibleHit() {
        TransferRequest base = Scenarios.named("P08").typedRequest();
        return new TransferRequest(
                base.dataset(),
                base.purpose(),
                base.destination(),
                List.of(base.endUsers().get(0), new EndUser(SCREENED, "Broad Institute", "US")),
                base.licenceIds(),
                base.dsaId(),
                base.ethicsApprovalId(),
                base.basis(),
                base.payload());
    }

    private static void loadTestList() {
        String csv = "source_list,entry_id,type,name,alt_names,country,programs,addresses,remarks\n" + "US_SDN," + ENTRY
                + ",individual,Mohammad Karim Velayati-Roshan,,IR;AE,NPWMD,,synthetic\n";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/screening-lists/test-authority")
                .then()
                .statusCode(200);
    }

    private static Response adjudicate(String token, String justification) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"entryId\": \"" + ENTRY + "\", \"screenedName\": \"" + SCREENED + "\","
                        + " \"verdict\": \"NOT_THIS_PARTY\", \"justification\": \"" + justification + "\"}")
                .post("/api/v1/screening/adjudications");
    }

    private static Event<TransferRequested> request(String transferId, String institution, TransferRequest r) {
        return Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + institution, List.of("submitter"), institution, null),
                new TransferRequested(transferId, institution, r),
                Clock.systemUTC());
    }

    private static Event<AppealFiled> appeal(String transferId, String institution, String decisionId, String text) {
        return Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + institution, List.of("submitter"), institution, null),
                new AppealFiled(transferId, "ap-" + UUID.randomUUID(), institution, decisionId, text),
                Clock.systemUTC());
    }

    private ReviewOpened opened(String transferId, ReviewKind kind) {
        var records = kafka.readUntil(
                Topic.REVIEW.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewOpened o && o.kind() == kind,
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(ReviewOpened.class);
    }

    private TransferDecided decision(String transferId, Predicate<TransferDecided> match) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DECIDED.topicName(),
                r -> transferId.equals(r.key()) && match.test(r.event().dataAs(TransferDecided.class)),
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(TransferDecided.class);
    }

    /** Every decision published on the transfer, once the topic has been quiet for a while. */
    private List<TransferDecided> decisionsOf(String transferId) {
        return kafka.readAll(Topic.TRANSFER_DECIDED.topicName(), Duration.ofSeconds(2)).stream()
                .filter(r -> transferId.equals(r.key()))
                .map(r -> r.event().dataAs(TransferDecided.class))
                .toList();
    }

    private long reviewVotes(String transferId) {
        return kafka.readAll(Topic.REVIEW.topicName(), Duration.ofSeconds(1)).stream()
                .filter(r -> transferId.equals(r.key())
                        && "ReviewVoteCast".equals(r.event().type().typeName()))
                .count();
    }

    private static Response claim(String id, String token) {
        return given().auth().oauth2(token).post("/api/v1/reviews/" + id + "/claim");
    }

    private static void release(String id, String token) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"reason\": \"cannot approve\"}")
                .post("/api/v1/reviews/" + id + "/release")
                .then()
                .statusCode(200);
    }

    private static Response decide(String id, String token, String vote, String justification) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"vote\": \"" + vote + "\", \"justification\": \"" + justification + "\"}")
                .post("/api/v1/reviews/" + id + "/decision");
    }
}
