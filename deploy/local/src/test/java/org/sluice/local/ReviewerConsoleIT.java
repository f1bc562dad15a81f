package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sluice.testsupport.browser.Chromium;

/**
 * Issue 5's reviewer console in a real headless Chromium against the running stack: RIVM's first
 * transfer to Karolinska goes to review; the demo reviewer signs in with a token, finds the case in the
 * queue, sees the engine's reason, claims it and approves it with a justification; the gateway then
 * seals the package, and the decision shows in the reviewer's history.
 */
@ExtendWith(StackExtension.class)
class ReviewerConsoleIT {

    @Test
    void aReviewerApprovesAQueuedCaseThroughThePageAndTheTransferIsSealed(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_RIVM", Demo.firstTransferToKarolinska(vcf), vcf);
        JsonNode status = api.awaitState("SUBMITTER_RIVM", transferId, List.of("IN_REVIEW", "SEALED", "DENIED"));
        assertThat(status.path("state").asText()).as(status.toPrettyString()).isEqualTo("IN_REVIEW");

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(stack.uri(Service.POLICY).resolve("/review/index.html").toString());
            browser.findElement(By.id("token-input"))
                    .sendKeys(stack.demoTokens().get("REVIEWER"));
            browser.findElement(By.id("sign-in")).click();
            wait.until(b -> b.findElement(By.id("signed-in-as")).getText().contains("e.visser@eco"));

            WebElement row = wait.until(b -> {
                List<WebElement> rows = b.findElements(
                        By.cssSelector("[data-testid=queue-row][data-transfer-id='" + transferId + "']"));
                if (rows.isEmpty()) { // the case opens with the decision; ask again until it is listed
                    b.findElement(By.id("queue-load")).click();
                    return null;
                }
                return rows.get(0);
            });
            row.findElement(By.cssSelector("[data-testid=open-case]")).click();
            wait.until(b -> b.findElement(By.id("case-heading")).getText().contains(transferId));
            assertThat(browser.findElement(By.id("case-reasons")).getText()).contains("FIRST_TRANSFER_TO_PARTNER");

            browser.findElement(By.id("claim")).click();
            wait.until(b -> b.findElement(By.id("status")).getText().contains("claimed by e.visser@eco"));

            // the server refuses a decision without a justification, and the page says why
            browser.findElement(By.id("vote-approve")).click();
            browser.findElement(By.id("decide")).click();
            wait.until(b -> b.findElement(By.id("decision-error")).getText().contains("justification"));

            browser.findElement(By.id("justification"))
                    .sendKeys("Reference assemblies of Salmonella, no personal data; Karolinska is a vetted partner.");
            browser.findElement(By.id("decide")).click();
            wait.until(b -> b.findElement(By.id("status")).getText().contains("DECIDED"));

            JsonNode sealed = api.awaitState("SUBMITTER_RIVM", transferId, List.of("SEALED"));
            assertThat(sealed.path("state").asText()).isEqualTo("SEALED");

            browser.findElement(By.id("history-load")).click();
            wait.until(b -> !b.findElements(By.cssSelector("[data-testid=history-row][data-review-id]"))
                    .isEmpty());
            assertThat(browser.findElement(By.id("history")).getText()).contains(transferId, "APPROVE");
        } finally {
            browser.quit();
        }
        api.awaitTrail(transferId, List.of("ReviewOpened", "ReviewClaimed", "ReviewVoteCast", "PackageSealed"));
    }
}
