package org.sluice.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.events.json.Json;
import org.sluice.gateway.GatewayConfig;

/** Asks the audit service for receipts ({@code GET /api/v1/audit/receipts/{eventId}}, docs/api/audit.md). */
@ApplicationScoped
public class AuditClient {

    /** What the audit service answered. */
    public sealed interface Answer {}

    /** The receipt. */
    public record Obtained(AuditReceipt receipt) implements Answer {}

    /** Not yet: no checkpoint covers the entry (409 {@code receipt-pending}), or the log has not seen the event (404). */
    public record NotYet(String why) implements Answer {}

    /** Anything else: refused, failing, unreachable or unreadable. */
    public record Failed(String why) implements Answer {}

    private final HttpClient http;
    private final GatewayConfig.AuditConfig config;

    public AuditClient(GatewayConfig config) {
        this.config = config.audit();
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The receipt of an event, the request held by the audit service at most {@code wait} until a checkpoint
     * covers the event (an audit service that does not know {@code wait} answers at once).
     */
    public Answer receipt(String eventId, Duration wait) {
        URI base = config.url().orElseThrow(() -> new IllegalStateException("no audit service is configured"));
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        String held = wait.isZero() ? "" : "?wait=" + wait;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        root + "api/v1/audit/receipts/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8) + held))
                .timeout(config.timeout().plus(wait))
                .header("Accept", "application/json")
                .GET();
        config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Failed("the audit service did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted while asking the audit service");
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new Obtained(Json.mapper().readValue(response.body(), AuditReceipt.class));
            } catch (IOException e) {
                return new Failed("the audit service's receipt is unreadable: " + e.getMessage());
            }
        }
        if (status == 409 || status == 404) {
            return new NotYet("the audit service answered " + status);
        }
        return new Failed("the audit service answered " + status);
    }

    /** The configured wait, for callers deciding when to give up. */
    Duration receiptWait() {
        return config.receiptWait();
    }
}
