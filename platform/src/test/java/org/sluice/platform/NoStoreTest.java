package org.sluice.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Tokens;

/** Responses under /api/ carry personal data: no cache keeps them, except the public endpoints. */
@QuarkusTest
class NoStoreTest {

    @Test
    void aJsonAnswerUnderTheApiIsNoStore() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/probe/person")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void problemsAreNoStoreWhoeverWritesThem() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/probe/missing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", equalTo("no-store"));
        given().get("/api/v1/probe/person").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/probe/person")
                .then()
                .statusCode(403)
                .header("Cache-Control", equalTo("no-store"));
        given().get("/api/v1/probe/" + "x".repeat(9000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .header("Cache-Control", equalTo("no-store"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/no-such-resource")
                .then()
                .statusCode(404)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aCacheControlTheResourceSetItselfIsKept() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/probe/own-cache-control")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=5"));
    }

    @Test
    void thePublicEndpointsKeepTheirOwnCaching() {
        given().get("/api/v1/public/figures")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60"));
        given().get("/api/v1/public/plain").then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void pathsOutsideTheApiAreLeftAlone() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/probe/page?before=1")
                .then()
                .statusCode(200)
                .header("Cache-Control", nullValue());
    }
}
