package org.sluice.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests, driven through Debian's {@code chromedriver} (same version as the
 * browser, so no driver is downloaded). When the browser is missing the test set-up installs Debian's
 * {@code chromium} and {@code chromium-driver} packages itself (as root, with apt); where that is
 * impossible the browser test is skipped with the reason, never silently passed.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** A fresh headless browser with its own empty profile; quit it after the test. */
    public static WebDriver start() {
        ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("sluice-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    // the network here is closed: background fetches would only be refused, many at a time
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a browser profile", e);
        }
    }

    /** Installs Chromium and its driver from Debian when they are missing; skips the test if it cannot. */
    public static synchronized void ensureInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        Assumptions.assumeTrue(
                new File("/usr/bin/apt-get").canExecute(),
                "Chromium is not installed and apt-get is not available to install it");
        if (!run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"))) {
            run(List.of("apt-get", "update", "-q"));
            run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
        }
        Assumptions.assumeTrue(
                Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Chromium could not be installed with apt-get (not root, or no package source)");
    }

    private static boolean run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            return process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
