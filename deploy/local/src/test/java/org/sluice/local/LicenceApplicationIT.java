package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.local.Pages.await;
import static org.sluice.local.Pages.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.testsupport.browser.Chromium;

/**
 * Issue 14's licence applications through both pages against the running stack. RIVM applies in the
 * submitter portal for a licence to send its filovirus panel to RIKEN and cites the licence id it is given
 * in a transfer, which is denied (the licence does not exist yet) and waits. In the reviewer console a
 * reviewer approves the application with narrower terms; as pathogen data it is high risk, so it stays
 * pending until a senior reviewer agrees. The grant makes the licence, the waiting transfer is decided
 * again, approved and sealed, and the portal shows the application granted with its terms and time taken.
 * Saves docs/screenshots/licence-application-console.png and docs/screenshots/licence-application-portal.png.
 */
@ExtendWith(StackExtension.class)
class LicenceApplicationIT {

    @Test
    void anApplicationGrantedInTheConsoleReleasesTheTransferWaitingForIt(LocalStack stack) throws Exception {
        Api api = new Api(stack);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String applicationId;
        String licenceId;
        WebDriver portal = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(portal, Duration.ofSeconds(60));
            Pages.signIn(portal, wait, stack, Service.GATEWAY, "/portal/", "SUBMITTER_RIVM");
            type(portal, "lic-country", "JP");
            type(portal, "lic-partner", "p-riken");
            portal.findElement(By.id("lic-cat-PATHOGEN_OF_CONCERN")).click();
            type(portal, "lic-purpose-duo", "DUO:0000006");
            type(portal, "lic-purpose-disease", "MONDO:0005737");
            type(portal, "lic-purpose-description", "Cross-validation of filovirus diagnostic assays");
            type(portal, "lic-eu-0-name", "Dr. Haruka Tanaka");
            type(portal, "lic-eu-0-organisation", "RIKEN Center for Integrative Medical Sciences");
            type(portal, "lic-eu-0-country", "JP");
            type(portal, "lic-quota-bytes", "1073741824");
            type(portal, "lic-quota-transfers", "10");
            setDate(portal, "lic-valid-from", today);
            setDate(portal, "lic-valid-until", today.plusYears(1));
            portal.findElement(By.id("lic-submit")).click();
            await(
                    wait,
                    portal,
                    b -> "PENDING".equals(b.findElement(By.id("licence")).getAttribute("data-status")));
            WebElement shown = portal.findElement(By.id("licence"));
            applicationId = shown.getAttribute("data-application-id");
            licenceId = shown.getAttribute("data-licence-id");
            assertThat(portal.findElement(By.id("lic-risk")).getText()).contains("HIGH");
            assertThat(portal.findElement(By.id("lic-expected")).getText()).isNotBlank();
        } finally {
            portal.quit();
        }

        // the transfer citing the licence to be is denied for now, and waits for it
        byte[] panel = Demo.vcf();
        String transferId = api.submit("SUBMITTER_RIVM", Demo.pathogenPanelToRiken(panel, licenceId), panel);
        JsonNode denied = api.awaitState("SUBMITTER_RIVM", transferId, List.of("DENIED", "APPROVED", "SEALED"));
        assertThat(denied.path("state").asText()).as(denied.toPrettyString()).isEqualTo("DENIED");
        assertThat(denied.toString()).contains("LICENCE_INVALID");
        JsonNode pending = Api.json(
                api.as(Service.GATEWAY, "SUBMITTER_RIVM").get("/api/v1/licence-applications/" + applicationId));
        assertThat(pending.path("waitingTransfers").toString()).contains(transferId);

        // the first officer approves with narrower terms: high risk, so it waits for a senior
        vote(stack, "REVIEWER", applicationId, today, "PENDING", false);
        // the senior agrees to the terms proposed, and the licence is granted
        vote(stack, "SENIOR_REVIEWER", applicationId, today, "GRANTED", true);

        JsonNode sealed = api.awaitState("SUBMITTER_RIVM", transferId, List.of("SEALED"));
        assertThat(sealed.path("state").asText()).isEqualTo("SEALED");
        api.awaitTrail(transferId, List.of("TransferDecided", "PackageSealed"));

        WebDriver after = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(after, Duration.ofSeconds(60));
            Pages.signIn(after, wait, stack, Service.GATEWAY, "/portal/", "SUBMITTER_RIVM");
            after.findElement(By.id("lic-list-load")).click();
            await(
                    wait,
                    after,
                    b -> !b.findElements(By.cssSelector("[data-testid=licence-row][data-application-id='"
                                    + applicationId + "'][data-status=GRANTED]"))
                            .isEmpty());
            // the list refreshes itself: the row is clicked as found at that moment
            await(wait, after, b -> {
                b.findElement(By.cssSelector("[data-testid=licence-row][data-application-id='" + applicationId
                                + "'] [data-testid=open-licence]"))
                        .click();
                return true;
            });
            await(
                    wait,
                    after,
                    b -> "GRANTED".equals(b.findElement(By.id("licence")).getAttribute("data-status")));
            assertThat(after.findElement(By.id("lic-terms")).getText())
                    .contains(today.plusMonths(6).toString());
            assertThat(after.findElement(By.id("lic-time-taken")).getAttribute("data-duration"))
                    .startsWith("P");
            ((JavascriptExecutor) after).executeScript("document.getElementById('licence-heading').scrollIntoView();");
            Path shot = Screenshots.saveWholePage(after, "licence-application-portal");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        } finally {
            after.quit();
        }
    }

    /** An officer opens the application in the reviewer console and approves it; the page shows the status. */
    private static void vote(
            LocalStack stack, String officer, String applicationId, LocalDate today, String expected, boolean shoot)
            throws Exception {
        WebDriver console = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(console, Duration.ofSeconds(60));
            Pages.signIn(console, wait, stack, Service.POLICY, "/review/index.html", officer);
            console.findElement(By.id("view-applications")).click();
            type(console, "application-id", applicationId);
            console.findElement(By.id("application-open")).click();
            await(
                    wait,
                    console,
                    b -> b.findElement(By.id("application")).isDisplayed()
                            && b.findElement(By.id("application-summary"))
                                    .getText()
                                    .contains(applicationId));
            assertThat(console.findElement(By.id("application-blocking")).getText())
                    .as("nothing the rules forbid stands against it")
                    .doesNotContain("EMBARGOED_DESTINATION");
            assertThat(console.findElement(By.id("application-waiting")).getText())
                    .contains("tr-");
            int before = countVotes(console);
            console.findElement(By.id("application-vote-approve")).click();
            if (!shoot) { // the first approval proposes the terms; later ones agree to them
                setDate(console, "terms-valid-from", today);
                setDate(console, "terms-valid-until", today.plusMonths(6));
                type(console, "terms-quota-transfers", "5");
                type(console, "terms-conditions", "no onward transfer");
            }
            type(
                    console,
                    "application-justification",
                    "Proficiency-testing panel for a long-standing partner; " + "end use verified with RIKEN.");
            console.findElement(By.id("application-vote-submit")).click();
            // the vote shows once the office recorded it (the status alone reads PENDING before and after)
            await(
                    wait,
                    console,
                    b -> countVotes(b) > before
                            && b.findElement(By.id("application-status"))
                                    .getText()
                                    .contains(expected));
            List<String> votes = new ArrayList<>();
            console.findElements(By.cssSelector("#application-votes > li")).forEach(li -> votes.add(li.getText()));
            assertThat(String.join("\n", votes)).contains("APPROVE");
            if (shoot) {
                Path shot = Screenshots.saveWholePage(console, "licence-application-console");
                assertThat(Files.size(shot)).isGreaterThan(10_000);
            }
        } finally {
            console.quit();
        }
    }

    /**
     * The votes the console lists (its placeholder line, "none yet", is none), read in one script so a list
     * the console redraws meanwhile is never half read.
     */
    private static int countVotes(WebDriver browser) {
        Object n = ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('#application-votes > li'))"
                        + ".filter(li => !li.textContent.includes('none yet')).length;");
        return ((Number) n).intValue();
    }

    /** Sets a date input through its value, as typing a date depends on the browser's locale. */
    private static void setDate(WebDriver browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                                + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                                + " e.dispatchEvent(new Event('change', {bubbles: true}));",
                        id,
                        date.toString());
    }
}
