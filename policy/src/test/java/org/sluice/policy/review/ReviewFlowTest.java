package org.sluice.policy.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.ReviewVoteCast;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

/**
 * Issue 5's "must hold": REVIEW decisions open cases that reviewers claim and decide through the API,
 * with four-eyes, separation of duties, escalation at the deadline and appeals, each action an event on
 * {@code sluice.review} (which the audit log consumes) and each settlement a {@code TransferDecided}.
 */
@QuarkusTest
class ReviewFlowTest {

    private static final String REVIEWER = "r.first@eco";
    private static final String REVIEWER_2 = "r.second@eco";
    private static final String SENIOR = "s.senior@eco";

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Inject
    ReviewService reviews;

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void aStandardCaseIsClaimedReleasedAndApprovedByOneReviewerWithEveryActionOnTheReviewTopic() {
        String transferId = submit("P27", "tr-rev-standard-");
        ReviewOpened opened = opened(transferId);
        assertThat(opened.kind()).isEqualTo(ReviewKind.DECISION);
        assertThat(opened.risk()).isEqualTo(RiskLevel.STANDARD);
        assertThat(opened.requiredVotes()).isEqualTo(1);
        String id = opened.reviewId();

        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews?risk=STANDARD&country=SE&category=NON_HUMAN&limit=200")
                .then()
                .statusCode(200)
                .body("items.reviewId", hasItem(id));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews?minAge=P1D&country=SE&limit=200")
                .then()
                .statusCode(200)
                .body("items.reviewId", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews?risk=SEVERE&minAge=soon")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("risk", "minAge"));
        Response detail = given().auth().oauth2(Tokens.reviewer(REVIEWER)).get("/api/v1/reviews/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.jsonPath().getList("reasons.code", String.class)).contains("FIRST_TRANSFER_TO_PARTNER");
        assertThat(detail.jsonPath().getString("request.destination.partnerId")).isEqualTo("p-karolinska");

        claim(REVIEWER, id).then().statusCode(200).body("claimedBy", org.hamcrest.Matchers.equalTo(REVIEWER));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .contentType("application/json")
                .body("{\"reason\": \"need the DSA first\"}")
                .post("/api/v1/reviews/" + id + "/release")
                .then()
                .statusCode(200);
        claim(REVIEWER_2, id).then().statusCode(200);

        decide(REVIEWER_2, id, "APPROVE", "   ").then().statusCode(400).body("errors.field", hasItem("justification"));
        decide(REVIEWER, id, "APPROVE", "I released it")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/not-claimed"));

        decide(REVIEWER_2, id, "APPROVE", "Reference assemblies, no personal data; partner vetted.")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DECIDED"));

        TransferDecided settled = decisionFrom(transferId, DecisionSource.REVIEW);
        assertThat(settled.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(settled.reviewId()).isEqualTo(id);
        assertThat(settled.supersedes()).isEqualTo(opened.decisionId());
        assertThat(settled.validUntil()).isNotNull();

        assertThat(reviewEventTypes(transferId, "ReviewVoteCast"))
                .containsSubsequence(
                        "ReviewOpened", "ReviewClaimed", "ReviewReleased", "ReviewClaimed", "ReviewVoteCast");
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER_2))
                .get("/api/v1/reviews/history")
                .then()
                .statusCode(200)
                .body("find { it.reviewId == '" + id + "' }.decisive", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.reviewId == '" + id + "' }.overridesEngineDeny", org.hamcrest.Matchers.equalTo(false));
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews/history?reviewer=" + REVIEWER_2)
                .then()
                .statusCode(403);
    }

    @Test
    void aHighRiskCaseNeedsTwoDistinctReviewersOneOfThemSenior() {
        String transferId = submit("P08", "tr-rev-four-eyes-");
        ReviewOpened opened = opened(transferId);
        assertThat(opened.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(opened.requiredVotes()).isEqualTo(2);
        String id = opened.reviewId();

        claim(REVIEWER, id).then().statusCode(200);
        decide(REVIEWER, id, "APPROVE", "End user is a different person: other birth date on the ORCID record.")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("claimedBy", org.hamcrest.Matchers.nullValue());

        // the same reviewer cannot cast the second vote
        claim(REVIEWER, id).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/four-eyes"));
        decide(REVIEWER, id, "APPROVE", "again").then().statusCode(409);
        // a second ordinary reviewer cannot complete it: one of the two must be senior
        claim(REVIEWER_2, id)
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("/senior-reviewer-required"));

        claim(SENIOR, id, Tokens.seniorReviewer(SENIOR)).then().statusCode(200);
        decide(SENIOR, id, Tokens.seniorReviewer(SENIOR), "APPROVE", "Concur with the first reviewer.")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DECIDED"));

        TransferDecided settled = decisionFrom(transferId, DecisionSource.REVIEW);
        assertThat(settled.outcome().isApproval()).isTrue();
        assertThat(settled.supersedes()).isEqualTo(opened.decisionId());
        // the approval holds the licence quota the engine would have charged
        await().atMost(Duration.ofSeconds(10))
                .until(() -> World.count("SELECT count(*) FROM policy.quota_charges WHERE transfer_id = '" + transferId
                                + "' AND licence_id = 'LIC-2025-0042'")
                        == 1);
        List<ReviewVoteCast> votes = kafka
                .readUntil(
                        Topic.REVIEW.topicName(),
                        r -> transferId.equals(r.key())
                                && "ReviewVoteCast".equals(r.event().type().typeName())
                                && r.event().dataAs(ReviewVoteCast.class).decisive(),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewVoteCast)
                .map(r -> r.event().dataAs(ReviewVoteCast.class))
                .toList();
        assertThat(votes).extracting(ReviewVoteCast::decisive).containsExactly(false, true);
    }

    @Test
    void aDenyVoteSettlesAtOnceAndItsScreeningJudgementIsRemembered() throws Exception {
        String transferId = submit("P08", "tr-rev-deny-");
        String id = opened(transferId).reviewId();
        claim(SENIOR, id, Tokens.seniorReviewer(SENIOR)).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.seniorReviewer(SENIOR))
                .contentType("application/json")
                .body("{\"vote\": \"DENY\", \"justification\": \"Same person as the listed party.\","
                        + " \"adjudications\": [{\"entryId\": \"SYN-SDN-40218\","
                        + " \"screenedName\": \"Mohammed Reza Tabrizian-Sohi\", \"verdict\": \"CONFIRMED\"}]}")
                .post("/api/v1/reviews/" + id + "/decision")
                .then()
                .statusCode(200);

        assertThat(decisionFrom(transferId, DecisionSource.REVIEW).outcome()).isEqualTo(Outcome.DENY);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> World.count("SELECT count(*) FROM policy.screening_adjudications WHERE entry_id ="
                                + " 'SYN-SDN-40218' AND verdict = 'CONFIRMED' AND decided_by = '" + SENIOR + "'")
                        == 1);
        try {
            // remembered: the same name on a new request is now a denied party, which no vote can lift
            String again = submit("P08", "tr-rev-confirmed-");
            TransferDecided engine = decisionFrom(again, DecisionSource.ENGINE);
            assertThat(engine.outcome()).isEqualTo(Outcome.DENY);
            assertThat(engine.reasons()).extracting(Reason::code).contains("DENIED_PARTY");
        } finally {
            // the other cases of this class meet the name as a possible match again
            World.execute("DELETE FROM policy.screening_adjudications WHERE entry_id = 'SYN-SDN-40218'");
        }
    }

    @Test
    void theSubmitterAndMembersOfTheSubmittingInstitutionMayNotReview() {
        String transferId = submit("P27", "tr-rev-sod-");
        String id = opened(transferId).reviewId();
        String colleague = Tokens.token("k.colleague@rivm", List.of("reviewer"), "i-rivm", null);
        String submitter = Tokens.token("submitter@i-rivm", List.of("reviewer"), "eco", null);

        for (String token : List.of(colleague, submitter)) {
            given().auth()
                    .oauth2(token)
                    .post("/api/v1/reviews/" + id + "/claim")
                    .then()
                    .statusCode(403)
                    .body("type", org.hamcrest.Matchers.endsWith("/separation-of-duties"));
        }
        given().auth()
                .oauth2(Tokens.submitter("i-rivm"))
                .get("/api/v1/reviews")
                .then()
                .statusCode(403);
    }

    @Test
    void ofTwoReviewersClaimingTheSameCaseAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String id = opened(submit("P27", "tr-rev-race-")).reviewId();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> claims = new ArrayList<>();
                for (String who : List.of(REVIEWER, REVIEWER_2)) {
                    Callable<Integer> c = () -> {
                        start.await();
                        return claim(who, id).statusCode();
                    };
                    claims.add(pool.submit(c));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : claims) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theQueueIsPagedByKeysetEachPageStartingAfterTheLastCaseOfThePageBefore() {
        opened(submit("P27", "tr-rev-page-"));
        opened(submit("P27", "tr-rev-page-"));
        Response first = given().auth().oauth2(Tokens.reviewer(REVIEWER)).get("/api/v1/reviews?limit=1");
        first.then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        String next = first.jsonPath().getString("next");
        assertThat(next).as("two cases are open at least").isNotBlank();
        Response second = given().auth().oauth2(Tokens.reviewer(REVIEWER)).get("/api/v1/reviews?limit=1&after=" + next);
        second.then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        Instant firstDeadline = Instant.parse(first.jsonPath().getString("items[0].deadline"));
        String firstId = first.jsonPath().getString("items[0].reviewId");
        Instant secondDeadline = Instant.parse(second.jsonPath().getString("items[0].deadline"));
        String secondId = second.jsonPath().getString("items[0].reviewId");
        assertThat(secondDeadline).isAfterOrEqualTo(firstDeadline);
        if (secondDeadline.equals(firstDeadline)) {
            assertThat(secondId).isGreaterThan(firstId);
        } else {
            assertThat(secondId).isNotEqualTo(firstId);
        }
    }

    @Test
    void aCasePastItsDeadlineEscalatesToSeniorReviewers() {
        // people of their own, in an office of their own: the rate limiter's buckets (the caller's and the
        // institution's) read the clock, and those charged while it stands three days ahead refill only when
        // real time catches up, so no other test may share them
        String reviewer = "r.clock@eco";
        String reviewerToken = Tokens.token(reviewer, List.of("reviewer"), "eco-review-clock", null);
        String senior = "s.clock@eco";
        String seniorToken = Tokens.token(senior, List.of("reviewer", "senior-reviewer"), "eco-review-clock", null);
        // whole seconds, so the time in review is exactly what the clock moved
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        QuarkusMock.installMockForType(clock, Clock.class);
        String transferId = submit("P27", "tr-rev-escalate-");
        ReviewOpened opened = opened(transferId);
        Instant due = clock.instant().plus(Duration.ofDays(3));
        assertThat(opened.deadline()).isBetween(due.minusSeconds(1), due.plusSeconds(1));
        claim(reviewer, opened.reviewId(), reviewerToken).then().statusCode(200);

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(reviews.escalateOverdue()).doesNotContain(opened.reviewId());
        clock.advance(Duration.ofMinutes(2));
        assertThat(reviews.escalateOverdue()).contains(opened.reviewId());
        assertThat(reviews.escalateOverdue()).doesNotContain(opened.reviewId());

        ReviewEscalated escalated = kafka
                .readUntil(
                        Topic.REVIEW.topicName(),
                        r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewEscalated,
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewEscalated)
                .map(r -> r.event().dataAs(ReviewEscalated.class))
                .findFirst()
                .orElseThrow();
        assertThat(escalated.missedDeadline()).isEqualTo(opened.deadline());
        assertThat(escalated.newDeadline()).isAfter(clock.instant());
        assertThat(escalated.escalatedToRole()).isEqualTo("senior-reviewer");

        // the time in review is an ISO-8601 duration, as docs/api/policy.md gives it, not a number of seconds
        given().auth()
                .oauth2(seniorToken)
                .get("/api/v1/reviews/" + opened.reviewId())
                .then()
                .statusCode(200)
                .body("timeInReview", org.hamcrest.Matchers.equalTo("PT72H1M"));

        // the ordinary reviewer's claim ended with the escalation; only a senior may take it now
        decide(reviewer, opened.reviewId(), reviewerToken, "APPROVE", "late")
                .then()
                .statusCode(409);
        claim(reviewer, opened.reviewId(), reviewerToken)
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("/senior-reviewer-required"));
        claim(senior, opened.reviewId(), seniorToken).then().statusCode(200);
    }

    @Test
    void anAppealOfAReviewersDenialIsDecidedBySomeoneElseAndPublishedAsAnAppealDecision() {
        String transferId = submit("P27", "tr-rev-appeal-");
        ReviewOpened first = opened(transferId);
        claim(REVIEWER, first.reviewId()).then().statusCode(200);
        decide(REVIEWER, first.reviewId(), "DENY", "Purpose statement too vague.")
                .then()
                .statusCode(200);
        TransferDecided denial = decisionFrom(transferId, DecisionSource.REVIEW);
        assertThat(denial.outcome()).isEqualTo(Outcome.DENY);

        appeal(transferId, "i-rivm", denial.decisionId(), "The purpose is comparative genomics of reference strains.");
        ReviewOpened appealCase = opened(transferId, ReviewKind.APPEAL);
        assertThat(appealCase.excludedReviewers()).containsExactly(REVIEWER);
        assertThat(appealCase.decisionId()).isEqualTo(denial.decisionId());

        claim(REVIEWER, appealCase.reviewId())
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/earlier-reviewer"));
        claim(REVIEWER_2, appealCase.reviewId()).then().statusCode(200);
        decide(REVIEWER_2, appealCase.reviewId(), "APPROVE", "The statement explains the purpose; approved.")
                .then()
                .statusCode(200);

        TransferDecided outcome = decisionFrom(transferId, DecisionSource.APPEAL);
        assertThat(outcome.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(outcome.reviewId()).isEqualTo(appealCase.reviewId());
        assertThat(outcome.supersedes()).isEqualTo(denial.decisionId());
    }

    @Test
    void approvingAnAppealOfAnEngineDenialIsFlaggedAsAnOverrideAndAnAppealOfAnApprovalIsIgnored() {
        String approved = submit("P33", "tr-rev-appeal-approved-");
        TransferDecided approval = decisionFrom(approved, DecisionSource.ENGINE);
        assertThat(approval.outcome().isApproval()).isTrue();
        appeal(approved, "i-umcu", approval.decisionId(), "nothing to appeal");

        String denied = submit("P18", "tr-rev-appeal-engine-");
        TransferDecided denial = decisionFrom(denied, DecisionSource.ENGINE);
        assertThat(denial.outcome()).isEqualTo(Outcome.DENY);
        appeal(denied, "i-umcu", denial.decisionId(), "The consent form was re-signed for this purpose.");
        ReviewOpened appealCase = opened(denied, ReviewKind.APPEAL);
        // CONSENT_MISMATCH is FOUR_EYES: the appeal needs two reviewers, a senior among them
        assertThat(appealCase.requiredVotes()).isEqualTo(2);
        claim(REVIEWER_2, appealCase.reviewId()).then().statusCode(200);
        decide(REVIEWER_2, appealCase.reviewId(), "APPROVE", "Re-consent documented in the appeal.")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        claim(SENIOR, appealCase.reviewId(), Tokens.seniorReviewer(SENIOR))
                .then()
                .statusCode(200);
        decide(SENIOR, appealCase.reviewId(), Tokens.seniorReviewer(SENIOR), "APPROVE", "Re-consent checked.")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DECIDED"));
        TransferDecided overridden = decisionFrom(denied, DecisionSource.APPEAL);
        assertThat(overridden.outcome().isApproval()).isTrue();
        assertThat(overridden.deciders()).containsExactly(REVIEWER_2, SENIOR);
        assertThat(overridden.requiredDeciders()).isEqualTo(2);
        given().auth()
                .oauth2(Tokens.seniorReviewer(SENIOR))
                .get("/api/v1/reviews/history?reviewer=" + REVIEWER_2)
                .then()
                .statusCode(200)
                .body(
                        "find { it.reviewId == '" + appealCase.reviewId() + "' }.overridesEngineDeny",
                        org.hamcrest.Matchers.equalTo(true));

        // the appeal of the approved transfer (published first) opened nothing
        assertThat(kafka.readAll(Topic.REVIEW.topicName(), Duration.ofSeconds(1)).stream()
                        .filter(r -> approved.equals(r.key())))
                .isEmpty();
    }

    // ---- helpers

    private String submit(String scenario, String prefix) {
        Scenarios.Scenario s = Scenarios.named(scenario);
        String transferId = prefix + UUID.randomUUID();
        kafka.publish(Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + s.submitter(), List.of("submitter"), s.submitter(), null),
                new TransferRequested(transferId, s.submitter(), s.typedRequest()),
                Clock.systemUTC()));
        return transferId;
    }

    private void appeal(String transferId, String institution, String decisionId, String statement) {
        kafka.publish(Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + institution, List.of("submitter"), institution, null),
                new AppealFiled(transferId, "ap-" + UUID.randomUUID(), institution, decisionId, statement),
                Clock.systemUTC()));
    }

    private ReviewOpened opened(String transferId) {
        return opened(transferId, ReviewKind.DECISION);
    }

    private ReviewOpened opened(String transferId, ReviewKind kind) {
        var records = kafka.readUntil(
                Topic.REVIEW.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewOpened o && o.kind() == kind,
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(ReviewOpened.class);
    }

    private TransferDecided decisionFrom(String transferId, DecisionSource source) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DECIDED.topicName(),
                r -> transferId.equals(r.key())
                        && r.event().dataAs(TransferDecided.class).source() == source,
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(TransferDecided.class);
    }

    private List<String> reviewEventTypes(String transferId, String untilType) {
        return kafka
                .readUntil(
                        Topic.REVIEW.topicName(),
                        r -> transferId.equals(r.key())
                                && untilType.equals(r.event().type().typeName()),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> transferId.equals(r.key()))
                .map(r -> r.event().type().typeName())
                .toList();
    }

    private static Response claim(String reviewer, String id) {
        return claim(reviewer, id, Tokens.reviewer(reviewer));
    }

    private static Response claim(String reviewer, String id, String token) {
        return given().auth().oauth2(token).post("/api/v1/reviews/" + id + "/claim");
    }

    private static Response decide(String reviewer, String id, String vote, String justification) {
        return decide(reviewer, id, Tokens.reviewer(reviewer), vote, justification);
    }

    private static Response decide(String reviewer, String id, String token, String vote, String justification) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"vote\": \"" + vote + "\", \"justification\": \"" + justification + "\"}")
                .post("/api/v1/reviews/" + id + "/decision");
    }
}
