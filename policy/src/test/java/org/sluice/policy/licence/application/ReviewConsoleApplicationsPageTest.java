package org.sluice.policy.licence.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reviewer console's licence applications view is served under the console's strict CSP, with the
 * stable ids a browser test drives (documented at the top of review.js) and no inline script.
 */
@QuarkusTest
class ReviewConsoleApplicationsPageTest {

    private static final List<String> IDS = List.of(
            "view-applications",
            "applications-view",
            "applications",
            "application-id",
            "application-open",
            "application-blocking",
            "application-votes",
            "application-waiting",
            "application-vote-approve",
            "application-vote-deny",
            "application-justification",
            "terms-valid-from",
            "terms-valid-until",
            "terms-quota-bytes",
            "terms-quota-transfers",
            "terms-psv",
            "terms-verification-days",
            "terms-conditions",
            "application-vote-submit",
            "application-vote-error");

    @Test
    void theApplicationsViewHasItsStableIdsUnderTheStrictPolicy() {
        Response page = given().get("/review/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .doesNotContain("unsafe-inline");
        String html = page.asString();
        for (String id : IDS) {
            assertThat(html).as(id).contains("id=\"" + id + "\"").contains("data-testid=\"" + id + "\"");
        }
        for (String input : List.of(
                "application-id",
                "application-vote-approve",
                "application-vote-deny",
                "application-justification",
                "terms-valid-from",
                "terms-valid-until",
                "terms-quota-bytes",
                "terms-quota-transfers",
                "terms-psv",
                "terms-verification-days",
                "terms-conditions")) {
            assertThat(html).as("label of %s", input).contains("for=\"" + input + "\"");
        }
        assertThat(html.replace("<script src=\"review.js\" defer></script>", ""))
                .doesNotContain("<script")
                .doesNotContainPattern(" on[a-z]+=");
        String js = given().get("/review/review.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String id :
                List.of("application-row", "open-application", "application-status", "/api/v1/licence-applications")) {
            assertThat(js).contains(id);
        }
    }
}
