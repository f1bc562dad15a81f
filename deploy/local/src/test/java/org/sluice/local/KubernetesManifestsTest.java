package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Fixtures;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/k8s/sluice.yaml} parses, and every service's Deployment has its probes on the Quarkus
 * health endpoints, resource requests and limits, its configuration from a ConfigMap and its secrets from
 * a Secret, and no secret written inline; each has a Service on its port.
 */
class KubernetesManifestsTest {

    private static final Path FILE = Fixtures.root().getParent().resolve("deploy/k8s/sluice.yaml");

    private final Map<String, JsonNode> byKindAndName = load();

    @Test
    void everyServiceHasAProbedBoundedDeploymentConfiguredFromConfigMapAndSecret() {
        for (Service service : Service.values()) {
            String name = "sluice-" + service.module();
            JsonNode deployment = byKindAndName.get("Deployment/" + name);
            assertThat(deployment).as(name).isNotNull();
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(container.path("ports").get(0).path("containerPort").asInt())
                    .isEqualTo(service.defaultPort());
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/ready");
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/live");
            assertThat(container
                            .path("startupProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/started");
            assertThat(container
                            .path("resources")
                            .path("requests")
                            .path("memory")
                            .asText())
                    .isNotEmpty();
            assertThat(container.path("resources").path("limits").path("memory").asText())
                    .isNotEmpty();
            assertThat(container.path("envFrom").toString())
                    .contains("\"configMapRef\":{\"name\":\"" + name + "-config\"}")
                    .contains("\"secretRef\":{\"name\":\"" + name + "-secrets\"}");
            JsonNode svc = byKindAndName.get("Service/" + name);
            assertThat(svc).as("Service " + name).isNotNull();
            assertThat(svc.path("spec").path("ports").get(0).path("port").asInt())
                    .isEqualTo(service.defaultPort());
        }
    }

    @Test
    void noSecretIsWrittenInline() {
        List<String> inline = new ArrayList<>();
        assertThat(byKindAndName.keySet()).noneMatch(k -> k.startsWith("Secret/"));
        byKindAndName.forEach((key, doc) -> doc.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .forEach(c -> c.path("env").forEach(env -> {
                    String upper = env.path("name").asText().toUpperCase(Locale.ROOT);
                    boolean secretish = List.of("PASSWORD", "TOKEN", "SECRET", "PRIVATE").stream()
                            .anyMatch(upper::contains);
                    if (secretish && env.has("value")) {
                        inline.add(key + ": " + env.path("name").asText());
                    }
                })));
        assertThat(inline).isEmpty();
    }

    private static Map<String, JsonNode> load() {
        Map<String, JsonNode> docs = new HashMap<>();
        try {
            for (Object doc : new Yaml().loadAll(Files.readString(FILE, StandardCharsets.UTF_8))) {
                JsonNode node = new ObjectMapper().valueToTree(doc);
                docs.put(
                        node.path("kind").asText() + "/"
                                + node.path("metadata").path("name").asText(),
                        node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
