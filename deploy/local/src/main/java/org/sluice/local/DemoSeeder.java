package org.sluice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.sluice.events.json.Json;

/**
 * Loads the demo world through the services' admin APIs, as an operator would: the partner registry
 * (with each partner's Crypt4GH public key) into the gateway; licences, agreements, emergencies,
 * institutions and the screening list into policy.
 */
final class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    /** Key validity starts before any demo transfer; fixtures give only the end of validity. */
    private static final String KEYS_VALID_FROM = "2024-01-01";

    private static final List<String> WORLD_KINDS = List.of("licences", "dsas", "emergencies", "institutions");

    private final Path demo;
    private final URI gateway;
    private final URI policy;
    private final String adminToken;
    private final String submitterToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.mapper();

    DemoSeeder(Path demo, URI gateway, URI policy, Map<String, String> tokens) {
        this.demo = demo;
        this.gateway = gateway;
        this.policy = policy;
        this.adminToken = tokens.get("ADMIN");
        this.submitterToken = tokens.get("SUBMITTER_UMCU");
    }

    void seed() {
        seedPartners();
        for (String kind : WORLD_KINDS) {
            put(
                    policy.resolve("/api/v1/admin/world/" + kind),
                    "application/yaml",
                    read(demo.resolve("world/" + kind + ".yaml")));
        }
        put(
                policy.resolve("/api/v1/admin/screening-lists/consolidated"),
                "text/csv",
                read(demo.resolve("screening/denied-parties.csv")));
        LOG.info("demo data loaded: partners, licences, agreements, emergencies, institutions, screening list");
    }

    private void seedPartners() {
        JsonNode world;
        try {
            world = new YAMLMapper()
                    .readTree(demo.resolve("world/partners.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode partner : world.get("partners")) {
            ObjectNode body = json.createObjectNode();
            body.put("institution", partner.get("institution").asText());
            body.put("country", partner.get("country").asText());
            body.put("status", partner.get("status").asText());
            if (partner.hasNonNull("suspensionReason")) {
                body.put("statusReason", partner.get("suspensionReason").asText());
            }
            body.put("profitStatus", partner.get("profitStatus").asText());
            body.put("adequacyCovered", partner.path("adequacyCovered").asBoolean(false));
            body.put("deliveryFormat", "CRYPT4GH");
            ArrayNode keys = body.putArray("keys");
            ObjectNode key = keys.addObject();
            String id = partner.get("id").asText();
            key.put("keyId", id + "-demo-key");
            key.put("publicKey", read(demo.resolve(partner.get("publicKey").asText())));
            key.put("validFrom", KEYS_VALID_FROM);
            key.put("validUntil", partner.get("keyValidUntil").asText());
            put(gateway.resolve("/api/v1/admin/partners/" + id), "application/json", body.toString());
        }
    }

    /** Policy learns the registry from sluice.partners; wait until it has (a precheck stops citing PARTNER_UNKNOWN). */
    private void awaitPolicyKnowsPartners() {
        String probe =
                "{\"dataset\":{\"id\":\"ds-probe\",\"title\":\"probe\",\"category\":\"NON_HUMAN\",\"subjects\":0,"
                        + "\"format\":\"FASTA\",\"consent\":{\"duo\":[],\"diseases\":[],\"countries\":[]}},"
                        + "\"purpose\":{\"duo\":\"DUO:0000042\",\"disease\":null,\"commercial\":false,\"description\":\"probe\"},"
                        + "\"destination\":{\"partnerId\":\"p-delftlab\",\"country\":\"NL\"},"
                        + "\"endUsers\":[{\"name\":\"Probe\",\"organisation\":\"Delft Pathogen Reference Laboratory\",\"country\":\"NL\"}],"
                        + "\"licenceIds\":[],\"basis\":\"STANDARD\",\"payload\":{\"sizeBytes\":1,\"sha256\":\""
                        + "0".repeat(64) + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(policy.resolve("/api/v1/policy/precheck"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + submitterToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe, StandardCharsets.UTF_8))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("PARTNER_UNKNOWN")) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                throw new UncheckedIOException("policy precheck failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for policy", e);
            }
        }
        throw new IllegalStateException("policy did not learn the partner registry within 60 s");
    }

    private void put(URI uri, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "seeding " + uri + " failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("seeding " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + file, e);
        }
    }
}
