package org.sluice.gateway.licence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.embedded.FreePorts;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.ratelimit.Family;
import org.sluice.testsupport.Tokens;

/** The gateway relays a submitter's licence applications to policy (played by {@link StandInLicencePolicy}). */
@QuarkusTest
class LicenceApplicationProxyTest {

    private static final String PATH = "/api/v1/licence-applications";

    private static String application(String endUsers) {
        return "{\"destinationCountry\": \"US\", \"partnerId\": \"p-broad\", \"categories\": [\"HUMAN_INDIVIDUAL\"],"
                + " \"purpose\": {\"duo\": \"DUO:0000007\", \"commercial\": false, \"description\": \"Risk variants\"},"
                + " \"endUsers\": " + endUsers + ", \"quotaBytes\": 50000000000, \"quotaTransfers\": 20,"
                + " \"validFrom\": \"2027-01-01\", \"validUntil\": \"2027-12-31\"}";
    }

    private static final String APPLICATION =
            application("[{\"name\": \"Jane Doe\", \"organisation\": \"Broad Institute\", \"country\": \"US\"}]");

    private static ExtractableResponse<Response> apply(String institution, String key) {
        var request = given().auth().oauth2(Tokens.submitter(institution)).contentType("application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(APPLICATION).post(PATH).then().extract();
    }

    @Test
    void anApplicationIsRelayedUnderTheCallersTokenWithTheLocationOnTheGateway() {
        ExtractableResponse<Response> created = apply("i-apply", null);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("applicationId");
        assertThat(created.header("Location")).endsWith(PATH + "/" + id).doesNotContain("test-policy");
        assertThat(created.contentType()).startsWith("application/json");
        assertThat((String) created.path("institutionId")).isEqualTo("i-apply");
        assertThat((String) created.path("status")).isEqualTo("PENDING");
        assertThat((String) created.path("purpose.description")).isEqualTo("Risk variants");

        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("applicationId", equalTo(id))
                .body("expectedBy", equalTo("2026-12-17T10:00:00Z"));
    }

    @Test
    void theIdempotencyKeyIsForwardedSoARetryAnswersTheSameApplication() {
        String key = UUID.randomUUID().toString();
        String first = apply("i-retry", key).path("applicationId");
        String again = apply("i-retry", key).path("applicationId");
        String other = apply("i-retry", null).path("applicationId");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aMalformedIdempotencyKeyIsRefusedBeforePolicyIsAsked() {
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .contentType("application/json")
                .header("Idempotency-Key", " ")
                .body(APPLICATION)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void policysValidationProblemIsRelayedUnchanged() {
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .contentType("application/json")
                .body(application("[]"))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/validation"))
                .body("errors[0].field", equalTo("endUsers"))
                .body("errors[0].rule", equalTo("minItems"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedByTheGateway() {
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .contentType("application/json")
                .body("[1]")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("(body)"));
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .contentType("application/json")
                .body("{\"a\": ")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sluice.example/problems/malformed-json"));
    }

    @Test
    void theListIsTheInstitutionsOwnWithTheStatusFilterForwarded() {
        String pending = apply("i-list", null).path("applicationId");
        String withdrawn = apply("i-list", null).path("applicationId");
        apply("i-other", null);
        withdraw("i-list", withdrawn, "{\"reason\": \"project cancelled\"}")
                .then()
                .statusCode(200);

        List<String> all = given().auth()
                .oauth2(Tokens.submitter("i-list"))
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.applicationId");
        assertThat(all).containsExactlyInAnyOrder(pending, withdrawn);
        given().auth()
                .oauth2(Tokens.submitter("i-list"))
                .queryParam("status", "PENDING")
                .queryParam("limit", "10")
                .queryParam("after", "c-1")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.applicationId", hasItem(pending))
                .body("items.applicationId", not(hasItem(withdrawn)))
                .body("next", equalTo("after-10-c-1"));
    }

    @Test
    void badListParametersAreNamedTogether() {
        given().auth()
                .oauth2(Tokens.submitter("i-list"))
                .queryParam("status", "pending")
                .queryParam("limit", "ten")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("status", "limit")));
    }

    @Test
    void aWithdrawalIsRelayedAndPolicysConflictWithIt() {
        String id = apply("i-withdraw", null).path("applicationId");

        withdraw("i-withdraw", id, "{\"reason\": \"project cancelled\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("reasons[0]", equalTo("project cancelled"));
        withdraw("i-withdraw", id, "{\"reason\": \"again\"}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/application-closed"));
    }

    @Test
    void anotherInstitutionsApplicationIsNotFoundAsPolicySays() {
        String id = apply("i-owner", null).path("applicationId");

        given().auth()
                .oauth2(Tokens.submitter("i-stranger"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", endsWith("does not exist or is not yours"));
        withdraw("i-stranger", id, "{\"reason\": \"mine now\"}").then().statusCode(404);
    }

    @Test
    void anIdThatCannotBeOneIsNotFoundWithoutAskingPolicy() {
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .get(PATH + "/-bad%20id")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://sluice.example/problems/not-found"));
    }

    @Test
    void onlySubmittersReachLicenceApplications() {
        for (String token : List.of(Tokens.partner("p-broad"), Tokens.reviewer("r-ann"), Tokens.admin())) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(APPLICATION)
                    .post(PATH)
                    .then()
                    .statusCode(403);
            given().auth().oauth2(token).get(PATH).then().statusCode(403);
            given().auth().oauth2(token).get(PATH + "/la-1").then().statusCode(403);
            withdraw(token, "la-1").then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void officersVotesAreNotServedByTheGateway() {
        given().auth()
                .oauth2(Tokens.reviewer("r-ann"))
                .contentType("application/json")
                .body("{\"vote\": \"APPROVE\", \"justification\": \"ok\"}")
                .post(PATH + "/la-1/votes")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(404), equalTo(405)));
    }

    @Test
    void aFailingPolicyServiceIsPolicyUnavailable() {
        given().auth()
                .oauth2(Tokens.submitter("i-apply"))
                .get(PATH + "/" + StandInLicencePolicy.BROKEN)
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/policy-unavailable"))
                .body("detail", equalTo("the policy service answered 500"));
    }

    @Test
    void anUnreachablePolicyServiceIsPolicyUnavailable() {
        LicenceApplicationService unreachable = new LicenceApplicationService(
                URI.create("http://127.0.0.1:" + FreePorts.pick()), Duration.ofSeconds(2));

        assertThatThrownBy(() -> unreachable.get("Bearer " + Tokens.submitter("i-apply"), "la-1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("did not answer");
                });
    }

    @Test
    void applyingAndWithdrawingCountAsSubmissionsAndReadsAsReads() {
        assertThat(Family.of("POST", PATH)).isEqualTo(Family.SUBMIT);
        assertThat(Family.of("POST", PATH + "/la-1/withdrawal")).isEqualTo(Family.SUBMIT);
        assertThat(Family.of("GET", PATH)).isEqualTo(Family.READ);
        assertThat(Family.of("GET", PATH + "/la-1")).isEqualTo(Family.READ);
    }

    @Test
    void theLocationKeepsOnlyTheApplicationsPath() {
        assertThat(LicenceApplicationService.location("http://policy:8081/api/v1/licence-applications/la-7"))
                .contains("/api/v1/licence-applications/la-7");
        assertThat(LicenceApplicationService.location("/prefix/api/v1/licence-applications/la-7"))
                .contains("/api/v1/licence-applications/la-7");
        assertThat(LicenceApplicationService.location("/elsewhere/la-7")).isEmpty();
        assertThat(LicenceApplicationService.location(null)).isEmpty();
    }

    private static Response withdraw(String institution, String id, String body) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + id + "/withdrawal");
    }

    private static Response withdraw(String token, String id) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"reason\": \"x\"}")
                .post(PATH + "/" + id + "/withdrawal");
    }
}
