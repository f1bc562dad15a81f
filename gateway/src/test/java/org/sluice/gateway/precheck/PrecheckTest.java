package org.sluice.gateway.precheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.sluice.gateway.GatewayApi.request;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class PrecheckTest {

    private static final String SHA = "ab".repeat(32);

    @BeforeEach
    void partners() {
        GatewayApi.registerPartner("p-charite", "DE");
        GatewayApi.registerPartner("p-tehran", "IR");
    }

    @Test
    void policysEvaluationIsRelayedUnderTheCallersTokenWithItsExplainParameter() {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body(request("p-tehran", "IR", 1024, SHA).toString())
                .post("/api/v1/transfers/precheck?explain=full")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("DENY"))
                .body("reasons[0].code", equalTo("EMBARGOED_DESTINATION"))
                .body("notMatched", hasSize(1));
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body(request("p-charite", "DE", 1024, SHA).toString())
                .post("/api/v1/transfers/precheck")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("notMatched", hasSize(0));
    }

    @Test
    void aRequestIsValidatedExactlyAsASubmissionBeforePolicyIsAsked() {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body(request("p-charite", "FR", 1024, SHA).toString())
                .post("/api/v1/transfers/precheck")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("destination.country"));
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/transfers/precheck")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sluice.example/problems/validation"));
    }

    @Test
    void policysProblemIsRelayedWithItsStatus() {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body(request("p-unknown", "KP", 1024, SHA).toString())
                .post("/api/v1/transfers/precheck")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/no-bundle"));
    }

    @Test
    void onlySubmittersPrecheck() {
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body(request("p-charite", "DE", 1024, SHA).toString())
                .post("/api/v1/transfers/precheck")
                .then()
                .statusCode(403);
    }
}
