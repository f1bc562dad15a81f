package org.sluice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what a browser test sees as the screenshot docs/ shows of that page, so the docs stay current. */
final class Screenshots {

    private static final Path DIRECTORY = Path.of(System.getProperty("sluice.root", "../.."))
            .toAbsolutePath()
            .normalize()
            .resolve("docs/screenshots");
    private static final int WIDTH = 1280;
    private static final int MAX_HEIGHT = 6000;

    private Screenshots() {}

    /** The whole page (the window grown to its height, at most 6000 px) as {@code docs/screenshots/<name>.png}. */
    static Path saveWholePage(WebDriver browser, String name) {
        Number height =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(WIDTH, Math.min(MAX_HEIGHT, height.intValue() + 120)));
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(DIRECTORY);
            return Files.write(DIRECTORY.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
