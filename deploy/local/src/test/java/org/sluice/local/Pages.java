package org.sluice.local;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on every Sluice page: sign in with a token, type into a field, wait. */
final class Pages {

    private Pages() {}

    /** Opens a page of a service and signs in with a demo user's token, as a person pastes it. */
    static void signIn(
            WebDriver browser, WebDriverWait wait, LocalStack stack, Service service, String page, String user) {
        browser.get(stack.uri(service).resolve(page).toString());
        browser.findElement(By.id("token-input")).sendKeys(stack.demoTokens().get(user));
        browser.findElement(By.id("sign-in")).click();
        String principal = DemoUser.ALL.stream()
                .filter(u -> u.variable().equals(user))
                .findFirst()
                .orElseThrow()
                .principal();
        await(wait, browser, b -> b.findElement(By.id("signed-in-as")).getText().contains(principal));
    }

    /** Replaces a field's text as a person would (select all, type), so the page sees input events. */
    static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /** Waits, and when it times out says what the page showed instead. */
    static void await(WebDriverWait wait, WebDriver browser, java.util.function.Function<WebDriver, Boolean> ready) {
        try {
            // a page that redraws while it is read (a list refreshed) is read again, not failed
            wait.ignoring(StaleElementReferenceException.class).until(ready::apply);
        } catch (TimeoutException e) {
            Object shown = ((JavascriptExecutor) browser)
                    .executeScript("return location.href + '\\n' + document.body.innerText;");
            throw new AssertionError("the page did not get there; it showed:\n" + shown, e);
        }
    }
}
