package org.sluice.policy.licence.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.policy.licence.application.ApplicationCalls.apply;
import static org.sluice.policy.licence.application.ApplicationCalls.approve;
import static org.sluice.policy.licence.application.ApplicationCalls.pathogenApplication;
import static org.sluice.policy.licence.application.ApplicationCalls.standardApplication;
import static org.sluice.policy.licence.application.ApplicationCalls.vote;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.policy.World;
import org.sluice.testsupport.Tokens;
import org.sluice.testsupport.browser.Chromium;

/**
 * The reviewer console's licence applications view is served under the console's strict CSP, with the
 * stable ids a browser test drives (documented at the top of review.js) and no inline script; and, in
 * headless Chromium, it shows terms as people read them, not as the API's JSON.
 */
@QuarkusTest
class ReviewConsoleApplicationsPageTest {

    private static final String OFFICER = "console.officer@eco";
    private static final String SENIOR = "console.senior@eco";

    @TestHTTPResource("/review/index.html")
    URL console;

    @BeforeEach
    void seed() {
        World.seed();
    }

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

    @Test
    void grantedAndProposedTermsReadAsValidityQuotaVerificationAndAListOfConditions() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String high = applied(pathogenApplication(today, today.plusDays(300)));
        String proposed = "{\"validFrom\": \"" + today + "\", \"validUntil\": \"" + today.plusDays(200)
                + "\", \"quotaBytes\": 10000000000, \"quotaTransfers\": 5, \"postShipmentVerification\": true,"
                + " \"verificationDays\": 30, \"conditions\": [\"no onward transfer\", \"report each publication\"]}";
        vote(Tokens.reviewer(OFFICER), high, approve(proposed)).then().statusCode(200);
        vote(Tokens.seniorReviewer(SENIOR), high, approve(null)).then().statusCode(200);
        // the bare minimum of terms: no quota (none was applied for), no verification, no conditions
        String standard = applied(standardApplication());
        vote(
                        Tokens.reviewer(OFFICER),
                        standard,
                        approve("{\"validFrom\": \"2027-01-01\", \"validUntil\": \"2027-06-30\"}"))
                .then()
                .statusCode(200);

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(console.toString());
            browser.findElement(By.id("token-input")).sendKeys(Tokens.reviewer(OFFICER));
            browser.findElement(By.id("sign-in")).click();
            await(
                    wait,
                    browser,
                    b -> b.findElement(By.id("signed-in-as")).getText().contains(OFFICER));
            browser.findElement(By.id("view-applications")).click();

            open(wait, browser, high);
            String readable = "valid " + today + " to " + today.plusDays(200)
                    + "; quota 9.3 GiB in 5 transfers; post-shipment verification within 30 days; conditions:";
            WebElement granted = browser.findElement(By.cssSelector("dd[data-testid=application-granted-terms]"));
            assertReadable(granted, readable, List.of("no onward transfer", "report each publication"));
            WebElement first = browser.findElement(
                    By.cssSelector("#application-votes li[data-officer='" + OFFICER + "'] [data-testid=vote-terms]"));
            assertReadable(first, readable, List.of("no onward transfer", "report each publication"));
            // the senior named no terms: the vote agrees to the standing ones, and the console shows them
            WebElement second = browser.findElement(
                    By.cssSelector("#application-votes li[data-officer='" + SENIOR + "'] [data-testid=vote-terms]"));
            assertReadable(second, readable, List.of("no onward transfer", "report each publication"));

            open(wait, browser, standard);
            assertReadable(
                    browser.findElement(By.cssSelector("dd[data-testid=application-granted-terms]")),
                    "valid 2027-01-01 to 2027-06-30",
                    List.of());
        } finally {
            browser.quit();
        }
    }

    /** The terms read as the sentence and the list of conditions given, with nothing of the JSON left. */
    private static void assertReadable(WebElement terms, String sentence, List<String> conditions) {
        String text = terms.getText();
        assertThat(text)
                .as("terms as shown")
                .startsWith(sentence)
                .doesNotContain("{", "}", "\"", "quotaBytes", "validFrom", "postShipmentVerification", "true", "null");
        List<String> items = terms.findElements(By.cssSelector("ul[data-testid=terms-conditions-list] li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(items).as("conditions, one item each").containsExactlyElementsOf(conditions);
        if (conditions.isEmpty()) {
            assertThat(text).isEqualTo(sentence);
        }
    }

    private static String applied(String body) {
        Response applied = apply("i-rivm", body, null);
        applied.then().statusCode(201);
        return applied.jsonPath().getString("applicationId");
    }

    /** Opens the application by its id and waits until the page shows it. */
    private static void open(WebDriverWait wait, WebDriver browser, String applicationId) {
        WebElement field = browser.findElement(By.id("application-id"));
        field.clear();
        field.sendKeys(applicationId);
        browser.findElement(By.id("application-open")).click();
        await(
                wait,
                browser,
                b -> b.findElement(By.id("application")).isDisplayed()
                        && b.findElement(By.id("application-heading")).getText().contains(applicationId)
                        && !b.findElements(By.cssSelector("dd[data-testid=application-granted-terms]"))
                                .isEmpty());
    }

    /** Waits, and when it times out says what the page showed instead. */
    private static void await(WebDriverWait wait, WebDriver browser, Function<WebDriver, Boolean> ready) {
        try {
            wait.until(ready::apply);
        } catch (TimeoutException e) {
            Object shown = ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
            throw new AssertionError("the console did not get there; it showed:\n" + shown, e);
        }
    }
}
