package org.sluice.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class ChromiumTest {

    @Test
    void clicksAButtonOnALocalPageAndSeesTheScriptRun() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><title>probe</title><button id=go>Go</button><p id=out></p>"
                        + "<script>document.getElementById('go').onclick=()=>"
                        + "document.getElementById('out').textContent='clicked';</script>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        WebDriver browser = Chromium.start();
        try {
            browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            browser.findElement(By.id("go")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("out"), "clicked"));
            assertThat(browser.getTitle()).isEqualTo("probe");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
