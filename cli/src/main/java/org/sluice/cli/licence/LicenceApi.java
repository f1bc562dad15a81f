package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sluice.cli.http.GatewayClient;

/**
 * The gateway's licence applications as the commands use them (the gateway relays them to the policy service); ids
 * are checked by {@link org.sluice.cli.IdConverter} before they get here.
 */
final class LicenceApi {
    static final String APPLICATIONS = "/api/v1/licence-applications";

    private final GatewayClient gateway;

    LicenceApi(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Files an application; the same key answers with the same application. */
    JsonNode apply(ObjectNode application, String idempotencyKey) throws IOException {
        return gateway.postJson(APPLICATIONS, application, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A page of the institution's applications, newest first. */
    JsonNode list(String status, Integer limit, String after) throws IOException {
        List<String> query = new ArrayList<>();
        add(query, "status", status);
        add(query, "limit", limit == null ? null : limit.toString());
        add(query, "after", after);
        return gateway.getJson(APPLICATIONS + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    /** One application, as served. */
    JsonNode get(String applicationId) throws IOException {
        return gateway.getJson(APPLICATIONS + "/" + applicationId);
    }

    /** Withdraws a pending application. */
    JsonNode withdraw(String applicationId, String reason) throws IOException {
        return gateway.postJson(APPLICATIONS + "/" + applicationId + "/withdrawal", Map.of("reason", reason), Map.of());
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
