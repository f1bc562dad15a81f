package org.sluice.gateway.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The portal's settings and pages are served without a token, under the strict Content-Security-Policy. */
@QuarkusTest
class PortalConfigTest {

    @Test
    void theSettingsNeedNoTokenAndOfferNoProviderUnlessOneIsConfigured() {
        given().get("/portal/config.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Content-Security-Policy", containsString("default-src 'self'; connect-src 'self' "))
                .body("oidc", nullValue());
    }

    @Test
    void thePageIsServedUnderTheStrictPolicy() {
        given().get("/portal/index.html")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("id=\"licence-form\""));
    }
}
