package org.sluice.audit.publicpage;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the policy service's public criteria endpoint for the audit consumer's tests (the real pairing
 * runs in deploy/local's PublicPageIT) on a port of its own. Each answer names a new version, so a test
 * sees whether it was served from the cache, and carries one field more than policy publishes, so it sees
 * that the field is not passed on.
 */
public class StandInPolicy implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        AtomicInteger asked = new AtomicInteger();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/public/criteria", exchange -> {
            String digest = "cd".repeat(32);
            byte[] body = String.format(Locale.ROOT, """
                    {"active": {"bundleId": "default", "version": "2031.%d", "digest": "sha256:%s",
                                "activatedAt": "2031-01-02T03:04:05Z", "activatedBy": "admin.person@sluice"},
                     "rules": [{"id": "destination.embargo", "title": "Embargoed destination",
                                "citation": "Council Regulation (EU) 267/2012", "explanation": "No exports there.",
                                "when": "countries.exists(c, c in tables.embargoed)"}],
                     "history": [{"bundleId": "default", "version": "2031.1", "digest": "sha256:%s",
                                  "activatedAt": "2031-01-02T03:04:05Z", "activatedBy": "admin.person@sluice"}]}
                    """, asked.incrementAndGet(), digest, digest)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "sluice.audit.public.policy-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
