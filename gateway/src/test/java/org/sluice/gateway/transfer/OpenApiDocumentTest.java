package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/api.md: the OpenAPI document needs no token and describes the API, including its optional headers. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theOpenApiDocumentAnswersWithoutATokenAndNamesTheIdempotencyKey() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/transfers"))
                .body(containsString("Idempotency-Key"));
    }
}
