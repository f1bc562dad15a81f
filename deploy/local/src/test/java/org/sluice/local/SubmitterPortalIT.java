package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.local.Pages.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.testsupport.browser.Chromium;

/**
 * Issue 14's submitter portal in a real headless Chromium against the running stack. UMCU's submitter
 * signs in with a token and fills the request form for the architecture's example (its cohort to
 * Charite); the live precheck approves it, denies it with the embargo's rule, citation and remedy when the
 * destination is switched to Tehran, and approves it again when switched back. The submitter uploads the
 * payload (progress bar), watches the status stream reach SEALED and finds the transfer in the
 * institution's list. Saves docs/screenshots/submitter-portal.png. A second test appeals a denial
 * through the page and sees its review case's deadline, a third resumes an upload that broke off.
 */
@ExtendWith(StackExtension.class)
class SubmitterPortalIT {

    private static final Path VCF = Demo.DIR.resolve("data/synthetic-chr20.vcf").toAbsolutePath();

    @Test
    void aSubmitterFillsTheFormSeesThePrecheckChangeUploadsAndWatchesTheTransferSeal(LocalStack stack)
            throws Exception {
        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Pages.signIn(browser, wait, stack, Service.GATEWAY, "/portal/", "SUBMITTER_UMCU");
            Object unlabelled = ((JavascriptExecutor) browser)
                    .executeScript("return Array.from(document.querySelectorAll('input, select, textarea'))"
                            + ".filter(e => !document.querySelector('label[for=\"' + e.id + '\"]')).map(e => e.id);");
            assertThat((List<?>) unlabelled).as("controls without a label").isEmpty();

            type(browser, "f-dataset-id", "ds-bc-2024-07");
            type(browser, "f-dataset-title", "Breast cancer cohort WGS");
            new Select(browser.findElement(By.id("f-dataset-category"))).selectByValue("HUMAN_INDIVIDUAL");
            type(browser, "f-dataset-subjects", "412");
            type(browser, "f-dataset-format", "VCF");
            type(browser, "f-consent-duo", "DUO:0000007, DUO:0000018");
            type(browser, "f-consent-diseases", "MONDO:0007254");
            type(browser, "f-purpose-duo", "DUO:0000007");
            type(browser, "f-purpose-disease", "MONDO:0007254");
            type(browser, "f-purpose-description", "Replication of BRCA2 modifier GWAS");
            type(browser, "f-destination-partner", "p-charite");
            type(browser, "f-destination-country", "DE");
            type(browser, "eu-0-name", "Dr. Anna Keller");
            type(browser, "eu-0-organisation", "Charite - Universitaetsmedizin Berlin");
            type(browser, "eu-0-country", "DE");
            type(browser, "f-licences", "LIC-2025-0042");
            type(browser, "f-dsa", "DSA-CHARITE-2024");
            type(browser, "f-ethics", "EA-17-331");
            browser.findElement(By.id("f-file")).sendKeys(VCF.toString());
            String sha256 = Demo.sha256(Files.readAllBytes(VCF));
            waitFor(
                    wait,
                    browser,
                    b -> sha256.equals(b.findElement(By.id("payload-facts")).getAttribute("data-sha256")));

            // the example is approved (perhaps with conditions)
            waitFor(wait, browser, b -> outcome(b).startsWith("APPROVE"));
            assertThat(reasonCodes(browser)).doesNotContain("EMBARGOED_DESTINATION");
            assertThat(checklist(browser, "dsa")).isEqualTo("provided");
            assertThat(checklist(browser, "ethics")).isEqualTo("provided");

            // Tehran is registered in IR: with the country still DE the gateway names the field at fault
            type(browser, "f-destination-partner", "p-tehran");
            waitFor(wait, browser, b -> "INVALID".equals(outcome(b)));
            assertThat(fieldErrors(browser, "destination"))
                    .as("the error shown at the destination")
                    .isNotBlank();
            type(browser, "f-destination-country", "IR");
            waitFor(wait, browser, b -> reasonCodes(b).contains("EMBARGOED_DESTINATION"));
            assertThat(outcome(browser)).isEqualTo("DENY");
            assertThat(fieldErrors(browser, "destination"))
                    .as("the error cleared")
                    .isBlank();
            WebElement embargo = browser.findElement(
                    By.cssSelector("#precheck-reasons [data-testid=reason][data-code=EMBARGOED_DESTINATION]"));
            for (String part : List.of("rule", "citation", "remedy")) {
                assertThat(embargo.findElement(By.cssSelector("[data-testid=" + part + "]"))
                                .getText())
                        .as(part)
                        .matches("^[^:]+: \\S.*");
            }

            // switched back, the denial's reason is gone
            type(browser, "f-destination-partner", "p-charite");
            type(browser, "f-destination-country", "DE");
            waitFor(wait, browser, b -> outcome(b).startsWith("APPROVE"));
            assertThat(reasonCodes(browser)).doesNotContain("EMBARGOED_DESTINATION");

            browser.findElement(By.id("submit")).click();
            WebDriverWait sealing = new WebDriverWait(browser, Duration.ofSeconds(180));
            waitFor(
                    sealing,
                    browser,
                    b -> "SEALED".equals(b.findElement(By.id("transfer-state")).getText()));
            String heading = browser.findElement(By.id("transfer-heading")).getText();
            String transferId = heading.substring(heading.indexOf("tr-"));
            assertThat(browser.findElements(By.cssSelector("#timeline li")).stream()
                            .map(li -> li.getAttribute("data-state"))
                            .toList())
                    .containsSubsequence("RECEIVED", "STAGED", "APPROVED", "SEALED");
            WebElement bar = browser.findElement(By.id("upload-progress"));
            assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
            assertThat(browser.findElement(By.id("upload-text")).getText()).contains("verified and staged");
            assertThat(browser.findElement(By.id("package")).getText()).contains("pk-");

            // the institution's list, filtered, holds it
            new Select(browser.findElement(By.id("filter-state"))).selectByVisibleText("SEALED");
            type(browser, "filter-partner", "p-charite");
            browser.findElement(By.id("list-load")).click();
            waitFor(wait, browser, b -> listed(b, "state=SEALED"));
            waitFor(
                    wait,
                    browser,
                    b -> !b.findElements(
                                    By.cssSelector("[data-testid=transfer-row][data-transfer-id='" + transferId + "']"))
                            .isEmpty());
            assertThat(browser.findElements(By.cssSelector("[data-testid=transfer-row]")))
                    .allSatisfy(
                            row -> assertThat(row.getAttribute("data-state")).isEqualTo("SEALED"));

            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
            Path shot = Screenshots.saveWholePage(browser, "submitter-portal");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aDeniedTransferIsFoundInTheListAndAppealedWithAStatement(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_LUMC", Demo.requestToTehran(vcf), vcf);
        JsonNode denied = api.awaitState("SUBMITTER_LUMC", transferId, List.of("DENIED"));
        assertThat(denied.path("state").asText()).isEqualTo("DENIED");

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Pages.signIn(browser, wait, stack, Service.GATEWAY, "/portal/", "SUBMITTER_LUMC");
            new Select(browser.findElement(By.id("filter-state"))).selectByVisibleText("DENIED");
            type(browser, "filter-country", "IR");
            browser.findElement(By.id("list-load")).click();
            waitFor(wait, browser, b -> listed(b, "country=IR"));
            WebElement row =
                    wait.until(b -> b
                            .findElements(
                                    By.cssSelector("[data-testid=transfer-row][data-transfer-id='" + transferId + "']"))
                            .stream()
                            .findFirst()
                            .orElse(null));
            assertThat(row.getText()).contains("EMBARGOED_DESTINATION");
            row.findElement(By.cssSelector("[data-testid=open-transfer]")).click();
            waitFor(
                    wait,
                    browser,
                    b -> "DENIED".equals(b.findElement(By.id("transfer-state")).getText()));
            assertThat(browser.findElement(By.id("decision-reasons")).getText()).contains("EMBARGOED_DESTINATION");

            // a blank statement is refused, and the page says so at the statement
            type(browser, "appeal-statement", "   ");
            browser.findElement(By.id("appeal-submit")).click();
            waitFor(
                    wait,
                    browser,
                    b -> !b.findElement(By.id("appeal-statement-error"))
                            .getText()
                            .isBlank());
            assertThat(browser.findElement(By.id("appeal-statement")).getAttribute("aria-invalid"))
                    .isEqualTo("true");

            type(
                    browser,
                    "appeal-statement",
                    "The cohort is being withdrawn from this collaboration; we ask for a review.");
            browser.findElement(By.id("appeal-submit")).click();
            waitFor(wait, browser, b -> b.findElement(By.id("appeal")).getText().contains("ap-"));
            waitFor(
                    wait,
                    browser,
                    b -> List.of("APPEALED", "IN_REVIEW")
                            .contains(b.findElement(By.id("transfer-state")).getText()));
            // policy opens the appeal's case: the stream brings IN_REVIEW and the case's deadline
            waitFor(
                    wait,
                    browser,
                    b -> "IN_REVIEW"
                            .equals(b.findElement(By.id("transfer-state")).getText()));
            waitFor(
                    wait,
                    browser,
                    b -> !b.findElements(By.cssSelector("[data-testid=review-deadline][data-deadline]"))
                            .isEmpty());
            assertThat(browser.findElement(By.id("review")).getText()).contains("Appeal in review", "expected by");
        } finally {
            browser.quit();
        }
        api.awaitTrail(transferId, List.of("AppealFiled"));
    }

    @Test
    void anUploadBrokenOffIsResumedFromWhereTheGatewayStands(LocalStack stack) throws Exception {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                .contentType("application/json")
                .body(Demo.requestToCharite(vcf).toString())
                .post("/api/v1/transfers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the first 30000 bytes arrived before the connection was lost
        int first = 30_000;
        api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                .contentType("application/octet-stream")
                .header("Content-Range", "bytes 0-" + (first - 1) + "/" + vcf.length)
                .body(java.util.Arrays.copyOf(vcf, first))
                .put("/api/v1/transfers/" + transferId + "/payload")
                .then()
                .statusCode(202);

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Pages.signIn(browser, wait, stack, Service.GATEWAY, "/portal/", "SUBMITTER_UMCU");
            new Select(browser.findElement(By.id("filter-state"))).selectByVisibleText("RECEIVED");
            browser.findElement(By.id("list-load")).click();
            waitFor(wait, browser, b -> listed(b, "state=RECEIVED"));
            wait.until(b -> b
                            .findElements(
                                    By.cssSelector("[data-testid=transfer-row][data-transfer-id='" + transferId + "']"))
                            .stream()
                            .findFirst()
                            .orElse(null))
                    .findElement(By.cssSelector("[data-testid=open-transfer]"))
                    .click();
            waitFor(wait, browser, b -> b.findElement(By.id("resume")).isDisplayed());
            int received = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                    .get("/api/v1/transfers/" + transferId + "/payload")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("received");
            assertThat(received).isPositive();
            WebElement bar = browser.findElement(By.id("upload-progress"));
            waitFor(wait, browser, b -> Integer.toString(received).equals(bar.getAttribute("value")));

            browser.findElement(By.id("resume-file")).sendKeys(VCF.toString());
            browser.findElement(By.id("resume-upload")).click();
            waitFor(
                    wait,
                    browser,
                    b -> b.findElement(By.id("upload-text")).getText().contains("verified and staged"));
            WebDriverWait sealing = new WebDriverWait(browser, Duration.ofSeconds(180));
            waitFor(
                    sealing,
                    browser,
                    b -> "SEALED".equals(b.findElement(By.id("transfer-state")).getText()));
        } finally {
            browser.quit();
        }
        JsonNode sealed = api.awaitState("SUBMITTER_UMCU", transferId, List.of("SEALED"));
        assertThat(sealed.path("package").path("plaintextBytes").asInt()).isEqualTo(vcf.length);
    }

    /** Whether the list shown answers a query with this parameter (a new list replaces the rows). */
    private static boolean listed(WebDriver browser, String parameter) {
        String query = browser.findElement(By.id("transfer-list")).getAttribute("data-query");
        return query != null && List.of(query.split("&")).contains(parameter);
    }

    private static String outcome(WebDriver browser) {
        String outcome = browser.findElement(By.id("precheck-outcome")).getAttribute("data-outcome");
        return outcome == null ? "" : outcome;
    }

    private static List<String> reasonCodes(WebDriver browser) {
        return browser.findElements(By.cssSelector("#precheck-reasons [data-testid=reason]")).stream()
                .map(r -> r.getAttribute("data-code"))
                .toList();
    }

    private static String checklist(WebDriver browser, String item) {
        return browser.findElement(By.cssSelector("#checklist [data-item=" + item + "]"))
                .getAttribute("data-state");
    }

    /** The error lines shown at the fields whose contract path starts with {@code prefix}. */
    private static String fieldErrors(WebDriver browser, String prefix) {
        return String.join(
                " ",
                browser.findElements(By.cssSelector("[data-testid=field-error][data-for^='" + prefix + "']")).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** Waits, and when it times out says what the page showed instead. */
    private static void waitFor(WebDriverWait wait, WebDriver browser, Function<WebDriver, Boolean> ready) {
        try {
            wait.until(ready::apply);
        } catch (TimeoutException e) {
            Object state = ((JavascriptExecutor) browser)
                    .executeScript("return JSON.stringify({status: document.getElementById('status').textContent,"
                            + " precheck: document.getElementById('precheck').innerText,"
                            + " errors: Array.from(document.querySelectorAll('.field-error')).map(e => e.textContent)"
                            + ".filter(t => t), formErrors: document.getElementById('form-errors').textContent,"
                            + " transfer: document.getElementById('transfer').innerText, url: location.href});");
            throw new AssertionError("the page did not get there: " + state, e);
        }
    }
}
