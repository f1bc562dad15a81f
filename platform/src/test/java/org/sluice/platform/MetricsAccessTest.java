package org.sluice.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Tokens;

/** Metrics answer the metrics role (a scraper) and admins; health answers anyone. */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void metricsWithoutATokenIs401() {
        given().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void metricsWithATokenOfAnotherRoleIs403() {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .get("/q/metrics")
                .then()
                .statusCode(403);
        given().auth().oauth2(Tokens.securityAnalyst()).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void metricsWithTheMetricsRoleOrAsAdminIs200() {
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("sluice_outbox_backlog"));
        given().auth().oauth2(Tokens.admin()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aForgedTokenWithTheRoleIs401() {
        given().auth().oauth2(Tokens.forged()).get("/q/metrics").then().statusCode(401);
    }

    @Test
    void healthNeedsNoToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
