package org.sluice.gateway.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.Category;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class AppealFlowTest {

    private static final String STATEMENT = "The partner's DSA was renewed on 2026-11-01; see DSA-CHARITE-2026.";

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void anAppealOfADenialPublishesAppealFiledNamingTheDenialAndIsIdempotent() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> denial = GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");

        JsonPath filed = appeal(UMCU, id, Map.of("statement", STATEMENT), "appeal-" + id)
                .then()
                .statusCode(202)
                .body("state", equalTo("APPEALED"))
                .body("appeal.statement", equalTo(STATEMENT))
                .body("appeal.decisionId", equalTo(denial.data().decisionId()))
                .extract()
                .jsonPath();
        String appealId = filed.getString("appeal.appealId");
        assertThat(appealId).startsWith("ap-");

        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof AppealFiled,
                Duration.ofSeconds(30));
        var record = records.get(records.size() - 1);
        AppealFiled event = record.event().dataAs(AppealFiled.class);
        assertThat(event.appealId()).isEqualTo(appealId);
        assertThat(event.decisionId()).isEqualTo(denial.data().decisionId());
        assertThat(event.institutionId()).isEqualTo(UMCU);
        assertThat(event.statement()).isEqualTo(STATEMENT);
        assertThat(record.event().actor().id()).isNotBlank();
        assertThat(GatewayApi.transfer(UMCU, id).getString("history[3].eventId"))
                .isEqualTo(record.event().id());

        // the same key and body: the same appeal, nothing new published
        appeal(UMCU, id, Map.of("statement", STATEMENT), "appeal-" + id)
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("appeal.appealId", equalTo(appealId));
        appeal(UMCU, id, Map.of("statement", "something else"), "appeal-" + id)
                .then()
                .statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        appeal(UMCU, id, Map.of("statement", "a second appeal"), null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("appeal-open"));
        assertThat(GatewayApi.transfer(UMCU, id).getList("history.state"))
                .containsExactly("RECEIVED", "STAGED", "DENIED", "APPEALED");
        long appealsPublished = kafka.readAll(Topic.TRANSFER_REQUESTED.topicName(), Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()) && r.event().data() instanceof AppealFiled)
                .count();
        assertThat(appealsPublished).isEqualTo(1);
    }

    @Test
    void onlyADeniedTransferCanBeAppealed() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);

        appeal(UMCU, id, Map.of("statement", STATEMENT), null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("not-appealable"))
                .body("detail", containsString("is STAGED"));
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("STAGED");
    }

    @Test
    void aBlankMissingOrOverlongStatementIsA400NamingTheField() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");

        appeal(UMCU, id, Map.of("statement", "   "), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].rule", equalTo("notBlank"));
        // blank after Unicode white space and format characters: zero-width spaces and a byte-order mark
        appeal(UMCU, id, Map.of("statement", "\u200B\u200B \u2060\uFEFF\u00A0"), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].rule", equalTo("notBlank"));
        appeal(UMCU, id, Map.of("reason", "no statement"), null)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("statement", "reason"));
        appeal(UMCU, id, Map.of("statement", "x".repeat(4001)), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].rule", equalTo("maxLength"));
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("DENIED");
        assertThat(GatewayApi.transfer(UMCU, id).getString("appeal")).isNull();
    }

    @Test
    void anEmptyOrBlankIdempotencyKeyIsA400NamingTheHeader() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");

        for (String key : List.of("", "   ")) {
            appeal(UMCU, id, Map.of("statement", STATEMENT), key)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("DENIED");
        assertThat(GatewayApi.transfer(UMCU, id).getString("appeal")).isNull();
    }

    @Test
    void anotherInstitutionSeesNoTransferAndAPartnerMayNotAppeal() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");

        appeal("i-lumc", id, Map.of("statement", STATEMENT), null).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body(Map.of("statement", STATEMENT))
                .post("/api/v1/transfers/" + id + "/appeal")
                .then()
                .statusCode(403);
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("DENIED");
    }

    @Test
    void anOpenedReviewShowsItsDeadlineAndTimeInReviewInTheStatusAndTheStream() throws Exception {
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(openedAt);
        QuarkusMock.installMockForType(clock, Clock.class);
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> review =
                GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW, "FIRST_TRANSFER_TO_PARTNER");
        Instant deadline = openedAt.plus(Duration.ofHours(48));
        String reviewId = "rv-" + UUID.randomUUID();
        publish(opened(reviewId, id, ReviewKind.DECISION, review.data().decisionId(), deadline), openedAt);
        clock.advance(Duration.ofHours(2).plusMinutes(5));

        JsonPath status = awaitReview(id);
        assertThat(status.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(status.getString("review.reviewId")).isEqualTo(reviewId);
        assertThat(status.getString("review.kind")).isEqualTo("DECISION");
        assertThat(Instant.parse(status.getString("review.openedAt"))).isEqualTo(openedAt);
        assertThat(Instant.parse(status.getString("review.deadline"))).isEqualTo(deadline);
        assertThat(status.getBoolean("review.escalated")).isFalse();
        assertThat(status.getString("review.timeInReview")).isEqualTo("PT2H5M");

        try (Stream<String> lines = stream(id)) {
            Iterator<String> it = lines.iterator();
            JsonPath first = nextReviewEvent(it);
            assertThat(Instant.parse(first.getString("deadline"))).isEqualTo(deadline);
            assertThat(first.getString("timeInReview")).isEqualTo("PT2H5M");
            assertThat(first.getBoolean("escalated")).isFalse();

            Instant newDeadline = deadline.plus(Duration.ofHours(24));
            publish(
                    new ReviewEscalated(reviewId, id, deadline, newDeadline, "senior-reviewer"),
                    deadline.plusSeconds(1));
            JsonPath escalated = nextReviewEvent(it);
            assertThat(escalated.getBoolean("escalated")).isTrue();
            assertThat(Instant.parse(escalated.getString("deadline"))).isEqualTo(newDeadline);
        }
        assertThat(GatewayApi.transfer(UMCU, id).getBoolean("review.escalated")).isTrue();
    }

    @Test
    void anAppealApprovedByReviewersIsSealedAndShowsItsOutcome() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> denial = GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");
        appeal(UMCU, id, Map.of("statement", STATEMENT), null).then().statusCode(202);

        String reviewId = "rv-" + UUID.randomUUID();
        publish(
                opened(
                        reviewId,
                        id,
                        ReviewKind.APPEAL,
                        denial.data().decisionId(),
                        Instant.now().plusSeconds(3600)),
                Instant.now());
        JsonPath inReview = GatewayApi.awaitState(UMCU, id, "IN_REVIEW");
        assertThat(inReview.getString("review.kind")).isEqualTo("APPEAL");
        assertThat(inReview.getString("appeal.outcome")).isNull();

        TransferDecided approval = decidedBy(
                GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE"),
                DecisionSource.APPEAL,
                reviewId,
                denial.data().decisionId());
        GatewayApi.decide(approval);

        JsonPath sealed = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(sealed.getList("history.state"))
                .containsExactly("RECEIVED", "STAGED", "DENIED", "APPEALED", "IN_REVIEW", "APPROVED", "SEALED");
        assertThat(sealed.getString("decision.source")).isEqualTo("APPEAL");
        assertThat(sealed.getString("appeal.outcome")).isEqualTo("APPROVE");
        assertThat(sealed.getString("appeal.outcomeDecisionId")).isEqualTo(approval.decisionId());
        assertThat(sealed.getString("review")).isNull();
        assertThat(sealed.getString("package.packageId")).startsWith("pk-");
    }

    @Test
    void aReviewSeenOpeningAfterItsDecisionDoesNotPutTheTransferBackInReview() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> denial = GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");
        GatewayApi.awaitState(UMCU, id, "DENIED");
        appeal(UMCU, id, Map.of("statement", STATEMENT), null).then().statusCode(202);
        String reviewId = "rv-" + UUID.randomUUID();
        TransferDecided upheld = decidedBy(
                GatewayApi.decision(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED"),
                DecisionSource.APPEAL,
                reviewId,
                denial.data().decisionId());
        GatewayApi.decide(upheld);
        GatewayApi.awaitState(UMCU, id, "DENIED");

        publish(
                opened(
                        reviewId,
                        id,
                        ReviewKind.APPEAL,
                        denial.data().decisionId(),
                        Instant.now().plusSeconds(60)),
                Instant.now());
        awaitEarlierReviewEventsApplied();

        JsonPath status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("DENIED");
        assertThat(status.getString("review")).isNull();
        assertThat(status.getString("appeal.outcome")).isEqualTo("DENY");
        // the appeal was decided, so another may be filed
        appeal(UMCU, id, Map.of("statement", "new evidence"), null).then().statusCode(202);
    }

    @Test
    void aCaseSeenBeforeItsDecisionLeavesTheTransferStagedUntilTheDecisionBringsItsReasons() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        String reviewId = "rv-" + UUID.randomUUID();
        publish(
                opened(
                        reviewId,
                        id,
                        ReviewKind.DECISION,
                        "dc-" + UUID.randomUUID(),
                        Instant.now().plusSeconds(600)),
                Instant.now());
        awaitEarlierReviewEventsApplied();
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("STAGED");

        GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW, "FIRST_TRANSFER_TO_PARTNER");
        JsonPath status = awaitReview(id);
        assertThat(status.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(status.getString("review.reviewId")).isEqualTo(reviewId);
        assertThat(status.getList("decision.reasons.code")).containsExactly("FIRST_TRANSFER_TO_PARTNER");
    }

    @Test
    void aReevaluationThatKeepsTheCaseOpenWithNewReasonsDoesNotCloseIt() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> review =
                GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW, "POSSIBLE_DENIED_PARTY");
        String reviewId = "rv-" + UUID.randomUUID();
        publish(
                opened(
                        reviewId,
                        id,
                        ReviewKind.DECISION,
                        review.data().decisionId(),
                        Instant.now().plusSeconds(600)),
                Instant.now());
        awaitReview(id);

        // policy: the engine would now approve, but the case still needs its votes (a REVIEW naming the case)
        TransferDecided kept = decidedBy(
                GatewayApi.decision(id, "p-charite", "DE", Outcome.REVIEW, "FIRST_TRANSFER_TO_PARTNER"),
                DecisionSource.REEVALUATION,
                reviewId,
                review.data().decisionId());
        GatewayApi.decide(kept);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        kept.decisionId().equals(GatewayApi.transfer(UMCU, id).getString("decision.decisionId")));
        JsonPath status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(status.getString("review.reviewId")).isEqualTo(reviewId);
    }

    private static Response appeal(String institution, String id, Map<String, String> body, String key) {
        var request = given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/transfers/" + id + "/appeal");
    }

    private static ReviewOpened opened(
            String reviewId, String transferId, ReviewKind kind, String decisionId, Instant deadline) {
        return new ReviewOpened(
                reviewId,
                transferId,
                kind,
                decisionId,
                UMCU,
                "p-charite",
                "DE",
                Category.HUMAN_INDIVIDUAL,
                RiskLevel.STANDARD,
                1,
                deadline,
                List.of(),
                List.of());
    }

    private void publish(org.sluice.events.EventData data, Instant at) {
        kafka.publish(Event.of("/sluice/policy", Principal.system("policy"), data, Clock.fixed(at, ZoneOffset.UTC)));
    }

    private static TransferDecided decidedBy(
            TransferDecided d, DecisionSource source, String reviewId, String supersedes) {
        return new TransferDecided(
                d.transferId(),
                d.decisionId(),
                d.institutionId(),
                d.partnerId(),
                d.destinationCountry(),
                d.category(),
                d.outcome(),
                d.reasons(),
                d.conditions(),
                d.bundle(),
                source,
                reviewId,
                supersedes,
                d.validUntil(),
                // reviewers' approvals name their approvers, as policy records them
                source.byReviewers() && d.outcome().isApproval() ? List.of("r.reviewer@eco") : d.deciders(),
                source.byReviewers() && d.outcome().isApproval() ? 1 : d.requiredDeciders());
    }

    /** Waits until a later event of the same consumer is applied, so every review event published before is. */
    private void awaitEarlierReviewEventsApplied() {
        String otherId = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> marker = GatewayApi.decide(otherId, "p-charite", "DE", Outcome.REVIEW);
        publish(
                opened(
                        "rv-" + UUID.randomUUID(),
                        otherId,
                        ReviewKind.DECISION,
                        marker.data().decisionId(),
                        Instant.now().plusSeconds(60)),
                Instant.now());
        awaitReview(otherId);
    }

    private static JsonPath awaitReview(String id) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> GatewayApi.transfer(UMCU, id).getString("review.reviewId") != null);
        return GatewayApi.transfer(UMCU, id);
    }

    private static Stream<String> stream(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/transfers/" + id + "/events"))
                .header("Authorization", "Bearer " + Tokens.submitter(UMCU))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The data of the next {@code review} event of a stream. */
    private static JsonPath nextReviewEvent(Iterator<String> lines) {
        List<String> seen = new ArrayList<>();
        String event = null;
        while (lines.hasNext()) {
            String line = lines.next();
            seen.add(line);
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && "review".equals(event)) {
                return JsonPath.from(line.substring(5).strip());
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        throw new AssertionError("the stream ended without a review event: " + seen);
    }
}
