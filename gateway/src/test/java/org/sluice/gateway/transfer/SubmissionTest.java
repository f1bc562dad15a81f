package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class SubmissionTest {

    private static final String SHA = "ab".repeat(32);

    @BeforeEach
    void partners() {
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void aValidRequestIsReceivedWithAnOpaqueIdAndAnUploadUrl() {
        Response created = post(
                Tokens.submitter(UMCU), request("p-charite", "DE", 1024, SHA).toString(), null);

        created.then().statusCode(201).body("state", equalTo("RECEIVED")).body("id", startsWith("tr-"));
        String id = created.path("id");
        assertThat(id).matches("tr-[0-9a-f]{32}");
        assertThat(created.header("Location")).endsWith("/api/v1/transfers/" + id);
        assertThat(created.<String>path("uploadUrl")).isEqualTo("/api/v1/transfers/" + id + "/payload");
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .get("/api/v1/transfers/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("state", equalTo("RECEIVED"))
                .body("request.destination.partnerId", equalTo("p-charite"))
                .body("history[0].state", equalTo("RECEIVED"))
                .body("decision", nullValue());
    }

    @Test
    void malformedJsonIsA400SayingWhere() {
        post(Tokens.submitter(UMCU), "{\"dataset\": {\"id\": ", null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/malformed-json"))
                .body("detail", containsString("line 1"));
        post(Tokens.submitter(UMCU), "{\"basis\": \"STANDARD\", \"basis\": \"EMERGENCY\"}", null)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://sluice.example/problems/malformed-json"))
                .body("detail", containsString("basis"));
    }

    @Test
    void bytesInNoEncodingJsonAllowsAreMalformedJsonNotAnIncident() {
        // found by TransferRequestFuzzTest: '[' and zeros read as UTF-32, then a code point above U+10FFFF
        byte[] body = new byte[48];
        body[0] = '[';
        body[47] = 'e';
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.submitter(UMCU))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/transfers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/malformed-json"));
    }

    @Test
    void missingAndMistypedFieldsAreEachNamedWithTheRuleTheyBreak() {
        ObjectNode bad = request("p-charite", "DE", 1024, SHA);
        bad.remove("purpose");
        ((ObjectNode) bad.get("dataset")).put("subjects", "many");
        ((ObjectNode) bad.get("payload")).put("sha256", "not-hex");
        bad.put("basis", "WHENEVER");

        post(Tokens.submitter(UMCU), bad.toString(), null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/validation"))
                .body("errors.field", hasItems("purpose", "dataset.subjects", "payload.sha256", "basis"))
                .body("errors.find { it.field == 'purpose' }.rule", equalTo("required"))
                .body("errors.find { it.field == 'dataset.subjects' }.rule", equalTo("type"))
                .body("errors.find { it.field == 'payload.sha256' }.rule", equalTo("pattern"))
                .body("errors.find { it.field == 'basis' }.rule", equalTo("enum"));
    }

    @Test
    void unknownCountryCodesAndAPartnerRegisteredElsewhereAreRefused() {
        ObjectNode bad = request("p-charite", "FR", 1024, SHA);
        ((ObjectNode) bad.get("endUsers").get(0)).put("country", "QQ");

        post(Tokens.submitter(UMCU), bad.toString(), null)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("destination.country", "endUsers[0].country"))
                .body("errors.find { it.field == 'destination.country' }.rule", equalTo("partner-country"))
                .body("errors.find { it.field == 'destination.country' }.message", containsString("registered in DE"))
                .body("errors.find { it.field == 'endUsers[0].country' }.rule", equalTo("iso-3166-1"));
    }

    @Test
    void anUnknownPartnerIsNotMalformedInputPolicyDeniesIt() {
        post(Tokens.submitter(UMCU), request("p-nobody-knows", "DE", 1024, SHA).toString(), null)
                .then()
                .statusCode(201);
    }

    @Test
    void aDeclaredSizeOverTheMaximumIsA413() {
        post(Tokens.submitter(UMCU), request("p-charite", "DE", 1L << 50, SHA).toString(), null)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://sluice.example/problems/payload-too-large"))
                .body("errors[0].field", equalTo("payload.sizeBytes"));
    }

    @Test
    void anInstitutionOverItsStorageQuotaIsRefusedUntilItFreesRoom() {
        String first = GatewayApi.submit("i-quota", request("p-charite", "DE", 150_000, SHA));

        post(
                        Tokens.submitter("i-quota"),
                        request("p-charite", "DE", 60_000, SHA).toString(),
                        null)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://sluice.example/problems/quota-exceeded"))
                .body("errors[0].message", equalTo("at most 50000 bytes are available"));
        given().auth()
                .oauth2(Tokens.submitter("i-quota"))
                .delete("/api/v1/transfers/" + first)
                .then()
                .statusCode(200);

        post(
                        Tokens.submitter("i-quota"),
                        request("p-charite", "DE", 60_000, SHA).toString(),
                        null)
                .then()
                .statusCode(201);
    }

    @Test
    void aJsonBodyOverTheLimitIsA413BeforeParsing() {
        String huge = "{\"dataset\": \"" + "x".repeat(300_000) + "\"}";
        post(Tokens.submitter(UMCU), huge, null)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://sluice.example/problems/body-too-large"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheOriginalAnswer() {
        String key = UUID.randomUUID().toString();
        String body = request("p-charite", "DE", 2048, SHA).toString();

        Response first = post(Tokens.submitter(UMCU), body, key);
        first.then().statusCode(201);
        // the same body with other whitespace is the same request
        Response again = post(Tokens.submitter(UMCU), "  " + body.replace(",", " , "), key);

        again.then().statusCode(201).body("id", equalTo(first.path("id"))).body("state", equalTo("RECEIVED"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        post(Tokens.submitter(UMCU), request("p-charite", "DE", 2048, SHA).toString(), key)
                .then()
                .statusCode(201);

        post(Tokens.submitter(UMCU), request("p-charite", "DE", 4096, SHA).toString(), key)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sluice.example/problems/idempotency-key-reused"));
    }

    @Test
    void anEmptyOrBlankIdempotencyKeyIsA400NamingTheHeader() {
        String body = request("p-charite", "DE", 2048, SHA).toString();
        for (String key : java.util.List.of("", "   ", "\t")) {
            post(Tokens.submitter("i-empty-key"), body, key)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sluice.example/problems/validation"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    @Test
    void idempotencyKeysBelongToOneInstitution() {
        String key = UUID.randomUUID().toString();
        String body = request("p-charite", "DE", 2048, SHA).toString();
        String mine = post(Tokens.submitter(UMCU), body, key).path("id");

        String theirs = post(Tokens.submitter("i-lumc"), body, key)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void anotherInstitutionsTransferDoesNotExistForTheCaller() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", 1024, SHA));

        given().auth()
                .oauth2(Tokens.submitter("i-lumc"))
                .get("/api/v1/transfers/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .get("/api/v1/transfers/tr-" + "0".repeat(32))
                .then()
                .statusCode(404);
    }

    @Test
    void noTokenIs401AndAnotherRoleIs403() {
        String body = request("p-charite", "DE", 1024, SHA).toString();
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/transfers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/transfers")
                .then()
                .statusCode(401);
        post(Tokens.partner("p-charite"), body, null).then().statusCode(403).contentType("application/problem+json");
        post(Tokens.token("someone", java.util.List.of("submitter"), null, null), body, null)
                .then()
                .statusCode(403)
                .body("detail", containsString("institution"));
    }

    private static Response post(String token, String body, String idempotencyKey) {
        var request =
                given().auth().oauth2(token).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/transfers");
    }
}
