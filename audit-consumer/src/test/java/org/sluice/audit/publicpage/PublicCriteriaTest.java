package org.sluice.audit.publicpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The page's criteria come from the policy service through this one, without a token, cached, and filtered. */
@QuarkusTest
class PublicCriteriaTest {

    @Test
    void theCriteriaOfPolicyAreServedAgainWithoutATokenOnlyTheirPublishedFieldsAndCached() {
        String body = given().get("/api/v1/public/criteria")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("rules[0].id", equalTo("destination.embargo"))
                .body("rules[0].title", equalTo("Embargoed destination"))
                .body("rules[0].citation", equalTo("Council Regulation (EU) 267/2012"))
                .body("rules[0].explanation", equalTo("No exports there."))
                .body("history[0].activatedAt", equalTo("2031-01-02T03:04:05Z"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("admin.person@sluice", "activatedBy", "\"when\"", "tables.embargoed");

        // the stand-in names a new version with every answer: the same one again is the cache
        String version = given().get("/api/v1/public/criteria").then().extract().path("active.version");
        assertThat(version).startsWith("2031.");
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/public/criteria").then().statusCode(200).body("active.version", equalTo(version));
        }
    }
}
