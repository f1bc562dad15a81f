package org.sluice.policy.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * What people write in review, screening and verification bodies: text blank after Unicode white space and
 * format characters is {@code notBlank}, and a vote body with a member a vote does not have is refused
 * naming it; nothing is recorded either way.
 */
@QuarkusTest
class ReviewInputTest {

    private static final String REVIEWER = "r.input@eco";
    private static final String ZERO_WIDTH = "\\u200B\\u200B\\u200B";

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void aVoteJustifiedWithZeroWidthSpacesOrCarryingAnUnknownMemberIsRefusedAndNothingIsCast() throws Exception {
        String transferId = submit("P27");
        String id = opened(transferId).reviewId();
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .post("/api/v1/reviews/" + id + "/claim")
                .then()
                .statusCode(200);

        vote(id, "{\"vote\": \"APPROVE\", \"justification\": \"" + ZERO_WIDTH + "\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo("notBlank"));
        vote(
                        id,
                        "{\"vote\": \"APPROVE\", \"justification\": \"Partner vetted.\", \"conditions\":"
                                + " [{\"description\": \"\\u2060\\uFEFF \"}], \"adjudications\": [{\"entryId\":"
                                + " \"\\u200D\", \"screenedName\": \"\\u200C\", \"verdict\": \"NOT_THIS_PARTY\"}]}")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "conditions[0].description",
                                "adjudications[0].entryId",
                                "adjudications[0].screenedName"))
                .body("errors.rule", hasItems("notBlank"));
        vote(id, "{\"vote\": \"APPROVE\", \"justification\": \"Partner vetted.\", \"override\": true}")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sluice.example/problems/validation"))
                .body("errors[0].field", equalTo("override"))
                .body("errors[0].rule", equalTo("additionalProperties"));
        vote(
                        id,
                        "{\"vote\": \"APPROVE\", \"justification\": \"Partner vetted.\", \"conditions\":"
                                + " [{\"description\": \"Report the publication\", \"waived\": true}]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("conditions[0].waived"))
                .body("errors[0].rule", equalTo("additionalProperties"));

        assertThat(World.count("SELECT COUNT(*) FROM policy.review_votes WHERE review_id = '" + id + "'"))
                .isZero();
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .get("/api/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("reviewCase.status", equalTo("OPEN"))
                .body("reviewCase.claimedBy", equalTo(REVIEWER))
                .body("votes.size()", equalTo(0));
        vote(id, "{\"vote\": \"APPROVE\", \"justification\": \"Reference assemblies; partner vetted.\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"));
    }

    @Test
    void anAdjudicationJustifiedWithZeroWidthSpacesIsRefused() {
        given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .contentType("application/json")
                .body("{\"entryId\": \"SYN-SDN-40218\", \"screenedName\": \"\\uFEFF\", \"verdict\": \"NOT_THIS_PARTY\","
                        + " \"justification\": \"" + ZERO_WIDTH + "\"}")
                .post("/api/v1/screening/adjudications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("screenedName", "justification"))
                .body("errors.find { it.field == 'justification' }.rule", equalTo("notBlank"));
    }

    @Test
    void aVerificationClosedWithAZeroWidthNoteIsRefused() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"note\": \"" + ZERO_WIDTH + "\"}")
                .post("/api/v1/admin/verifications/vf-" + UUID.randomUUID() + "/closure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].rule", equalTo("notBlank"));
    }

    private static Response vote(String id, String body) {
        return given().auth()
                .oauth2(Tokens.reviewer(REVIEWER))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/reviews/" + id + "/decision");
    }

    private String submit(String scenario) {
        Scenarios.Scenario s = Scenarios.named(scenario);
        String transferId = "tr-rev-input-" + UUID.randomUUID();
        kafka.publish(Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + s.submitter(), List.of("submitter"), s.submitter(), null),
                new TransferRequested(transferId, s.submitter(), s.typedRequest()),
                Clock.systemUTC()));
        return transferId;
    }

    private ReviewOpened opened(String transferId) {
        var records = kafka.readUntil(
                Topic.REVIEW.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof ReviewOpened,
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(ReviewOpened.class);
    }
}
