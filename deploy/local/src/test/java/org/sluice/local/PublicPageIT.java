package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.testsupport.browser.Chromium;

/**
 * Issue 14's public transparency page in a real headless Chromium against the running stack, with no
 * token: after approvals and a denial it draws its charts (Apache ECharts), shows the criteria the policy
 * service publishes, names no demo institution, partner, person or transfer, and shows no count below
 * the threshold. Saves docs/screenshots/public-page.png.
 */
@ExtendWith(StackExtension.class)
class PublicPageIT {

    private static final int MIN_COUNT = 5;
    private static final Pattern NAMED =
            Pattern.compile("^\\s*(?:-\\s*)?(?:id|name|legalName|institution):\\s*\"?([^\"#]+?)\"?\\s*(?:#.*)?$");

    @Test
    void anyoneSeesChartsAndCriteriaButNoNameAndNoSmallCount(LocalStack stack) throws IOException {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        List<String> transfers = new ArrayList<>();
        // as many approvals as denials, each at least the threshold, so each outcome and region is shown
        for (int i = 0; i < MIN_COUNT; i++) {
            transfers.add(api.submit("SUBMITTER_UMCU", Demo.requestToCharite(vcf), vcf));
            transfers.add(api.submit("SUBMITTER_UMCU", Demo.requestToTehran(vcf), vcf));
        }
        for (String transfer : transfers) {
            api.awaitTrail(transfer, List.of("TransferRequested", "TransferDecided"));
        }
        List<String> identifying = identifying(transfers);
        int rules = RestAssured.given()
                .get(stack.uri(Service.POLICY)
                        .resolve("/api/v1/public/criteria")
                        .toString())
                .then()
                .statusCode(200)
                .extract()
                .path("rules.size()");

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            browser.get(stack.uri(Service.AUDIT).resolve("/public/").toString());
            // figures are cached for a minute: ask again until they hold this test's decisions
            waitFor(wait, browser, b -> {
                if (!"loaded".equals(b.findElement(By.tagName("body")).getAttribute("data-figures"))) {
                    return false;
                }
                if (shownCount(b, "decisions-total") < transfers.size()) {
                    b.navigate().refresh();
                    return false;
                }
                return true;
            });
            // a chart draws the shown counts; one whose every count is suppressed or withheld says so instead
            int drawn = 0;
            for (String chart : List.of(
                    "chart-outcome",
                    "chart-category",
                    "chart-region",
                    "chart-licence-outcome",
                    "chart-licence-timeliness",
                    "chart-appeals",
                    "chart-alerts")) {
                String state = browser.findElement(By.id(chart)).getAttribute("data-drawn");
                List<String> counts = browser
                        .findElements(By.cssSelector("#" + chart.replace("chart-", "table-") + " [data-count]"))
                        .stream()
                        .map(c -> c.getAttribute("data-count"))
                        .toList();
                if (counts.stream().anyMatch(c -> c.matches("\\d+"))) {
                    assertThat(state).as(chart + " drawn").isEqualTo("true");
                    assertThat(browser.findElements(By.cssSelector("#" + chart + " svg path")))
                            .as("bars drawn in " + chart)
                            .isNotEmpty();
                    drawn++;
                } else {
                    assertThat(state).as(chart + " with nothing to draw").isEqualTo("empty");
                }
            }
            assertThat(drawn).as("charts drawn").isGreaterThanOrEqualTo(2);
            wait.until(b -> "true".equals(b.findElement(By.id("criteria")).getAttribute("data-loaded")));
            List<WebElement> ruleRows = browser.findElements(By.cssSelector("[data-testid=criteria-rule]"));
            assertThat(ruleRows).hasSize(rules);
            assertThat(ruleRows)
                    .allSatisfy(r -> assertThat(r.findElement(By.cssSelector("[data-testid=citation]"))
                                    .getText())
                            .isNotBlank());
            assertThat(browser.findElements(By.cssSelector("[data-testid=criteria-activation]")))
                    .isNotEmpty();
            assertThat(browser.findElement(By.id("criteria-active")).getText()).contains("sha256:");
            // licence turnaround beside review turnaround: a published count of cases, never "not yet recorded"
            WebElement licences = browser.findElement(By.id("licence-turnaround"));
            assertThat(licences.getText()).doesNotContainIgnoringCase("not yet recorded");
            assertPublishable(
                    licences.findElement(By.cssSelector("[data-testid=count]")).getAttribute("data-count"));
            assertThat(browser.findElement(By.id("licences-decided")).getAttribute("data-count"))
                    .isNotNull();

            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain(identifying);
            for (WebElement count : browser.findElements(By.cssSelector("[data-count]"))) {
                assertPublishable(count.getAttribute("data-count"));
            }
            // every number drawn in a chart is a bar's published count (the value axis has no numbers)
            for (WebElement label : browser.findElements(By.cssSelector(".chart svg text"))) {
                String text = label.getAttribute("textContent").replace(",", "").strip();
                if (text.matches("\\d+")) {
                    assertPublishable(text);
                }
            }
            Path shot = Screenshots.saveWholePage(browser, "public-page");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    /** Waits, and when it times out says what the page showed instead. */
    private static void waitFor(
            WebDriverWait wait, WebDriver browser, java.util.function.Function<WebDriver, Boolean> ready) {
        try {
            wait.until(ready::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return JSON.stringify({echarts: typeof echarts, titles: typeof ALERT_RULE_TITLES,"
                            + " figures: document.body.dataset.figures || null,"
                            + " error: document.getElementById('figures-error').textContent,"
                            + " total: document.getElementById('decisions-total').dataset.count || null,"
                            + " url: location.href});");
            throw new AssertionError("the page did not show the figures: " + state, e);
        }
    }

    private static int shownCount(WebDriver browser, String id) {
        String count = browser.findElement(By.id(id)).getAttribute("data-count");
        return count != null && count.matches("\\d+") ? Integer.parseInt(count) : 0;
    }

    private static void assertPublishable(String count) {
        if (count.matches("\\d+")) {
            assertThat(Integer.parseInt(count)).as("a published count").isGreaterThanOrEqualTo(MIN_COUNT);
        } else {
            assertThat(count).isIn("<" + MIN_COUNT, "withheld");
        }
    }

    /** The demo's institutions, partners and people by id and name, and this test's transfers. */
    private static List<String> identifying(List<String> transfers) throws IOException {
        List<String> names = new ArrayList<>(transfers);
        for (DemoUser user : DemoUser.ALL) {
            names.add(user.principal());
            if (user.institution() != null && user.institution().startsWith("i-")) {
                names.add(user.institution());
            }
            if (user.partner() != null) {
                names.add(user.partner());
            }
        }
        for (String file : List.of("world/institutions.yaml", "world/partners.yaml")) {
            for (String line : Files.readAllLines(Demo.DIR.resolve(file))) {
                Matcher m = NAMED.matcher(line);
                if (m.matches()) {
                    names.add(m.group(1).strip());
                }
            }
        }
        names.addAll(List.of("Dr. Anna Keller", "Dr. Parisa Moradi"));
        assertThat(names).contains("UMC Utrecht", "p-charite", "Broad Institute", "s.devries@umcu");
        return names;
    }
}
