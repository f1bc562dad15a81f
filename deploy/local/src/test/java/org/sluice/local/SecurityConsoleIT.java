package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 7's security console in a real headless Chromium against the running stack: an analyst signs in
 * with a token, sees the alert an embargoed destination raised and the recent decisions, and loads a
 * transfer's trail whose inclusion proofs the page itself checks (WebCrypto) against the signed
 * checkpoint.
 */
@ExtendWith(StackExtension.class)
class SecurityConsoleIT {

    @Test
    void anAnalystSeesTheEmbargoAlertAndTheTrailWithProofsVerifiedInTheBrowser(LocalStack stack) {
        Api api = new Api(stack);
        byte[] vcf = Demo.vcf();
        String transferId = api.submit("SUBMITTER_UMCU", Demo.requestToTehran(vcf), vcf);
        api.awaitState("SUBMITTER_UMCU", transferId, List.of("DENIED"));
        api.awaitTrail(transferId, List.of("TransferRequested", "TransferDecided"));

        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(stack.uri(Service.AUDIT).resolve("/console/index.html").toString());
            browser.findElement(By.id("token-input"))
                    .sendKeys(stack.demoTokens().get("ANALYST"));
            browser.findElement(By.id("sign-in")).click();
            wait.until(b -> b.findElement(By.id("signed-in-as")).getText().contains("k.bos@soc"));

            wait.until(b -> {
                if (rows(b, "alert-row").stream()
                        .noneMatch(r -> "embargo-or-denied-party".equals(r.getAttribute("data-rule")))) {
                    b.navigate().refresh(); // alerts follow the log; the page shows them as of loading
                    signInIfAsked(b, stack);
                    return false;
                }
                return true;
            });
            assertThat(browser.findElement(By.id("recent-decisions")).getText()).contains(transferId);

            browser.findElement(By.id("trail-transfer-id")).sendKeys(transferId);
            browser.findElement(By.id("trail-load")).click();
            wait.until(b -> {
                List<String> results = rows(b, "trail-row").stream()
                        .map(r -> r.findElement(By.cssSelector("[data-testid=proof-status]"))
                                .getAttribute("data-result"))
                        .toList();
                assertThat(results).doesNotContain("failed");
                if (results.contains("pending")) { // no checkpoint covers the newest entry yet: ask again
                    b.findElement(By.id("trail-load")).click();
                    return false;
                }
                return results.size() >= 2 && results.stream().allMatch("verified"::equals);
            });
            assertThat(browser.findElement(By.id("trail")).getText()).contains("TransferRequested", "TransferDecided");
        } finally {
            browser.quit();
        }
    }

    private static List<WebElement> rows(WebDriver browser, String testId) {
        return browser.findElements(By.cssSelector("[data-testid=" + testId + "]"));
    }

    private static void signInIfAsked(WebDriver browser, LocalStack stack) {
        WebElement input = browser.findElement(By.id("token-input"));
        if (input.isDisplayed()) {
            input.clear();
            input.sendKeys(stack.demoTokens().get("ANALYST"));
            browser.findElement(By.id("sign-in")).click();
        }
    }
}
