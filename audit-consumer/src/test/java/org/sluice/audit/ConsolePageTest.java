package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class ConsolePageTest {

    @Test
    void theConsoleIsServedByTheServiceWithItsStableIdsAndNoExternalResources() {
        given().get("/console/index.html")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("id=\"token-input\""))
                .body(containsString("id=\"alerts\""))
                .body(containsString("id=\"recent-decisions\""))
                .body(containsString("id=\"trail-transfer-id\""))
                .body(containsString("id=\"report-frame\""))
                .body(not(containsString("http://")))
                .body(not(containsString("https://")));
        given().get("/console/console.js")
                .then()
                .statusCode(200)
                .body(containsString("crypto.subtle.digest('SHA-256'"))
                .body(not(containsString("https://")));
    }

    @Test
    void everyAlertRuleHasAReadableTitleForTheConsoleAndThePublicPage() {
        String script = given().get("/public/alert-rules.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String rule : org.sluice.audit.alert.AlertRules.ALL) {
            org.assertj.core.api.Assertions.assertThat(script)
                    .as("a title for " + rule)
                    .containsPattern("'" + java.util.regex.Pattern.quote(rule) + "': '[^']+'");
        }
    }

    @Test
    void recentDecisionsComeNewestFirst() {
        var newest = given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?order=desc&limit=5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries.index", Long.class);
        org.assertj.core.api.Assertions.assertThat(newest).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/entries?order=sideways")
                .then()
                .statusCode(400);
    }
}
