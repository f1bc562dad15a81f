package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Fixtures;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose/compose.yaml}, the single-host deployment, is well formed and safe as committed:
 * every service runs the jar its module builds, waits for the database and the topics, is checked on
 * {@code /q/health/ready}, and no secret is written into it or into the shared environment file.
 */
class ComposeFileTest {

    private static final Path ROOT = Fixtures.root().getParent();
    private static final Path COMPOSE = ROOT.resolve("deploy/compose");
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "TOKEN", "SECRET", "PRIVATE");

    private final JsonNode compose = parse(COMPOSE.resolve("compose.yaml"));

    @Test
    void everyServiceRunsItsModulesJarBehindAReadinessCheck() {
        JsonNode services = compose.path("services");
        for (Service service : Service.values()) {
            JsonNode s = services.path(service.module());
            assertThat(s.isMissingNode()).as(service.module()).isFalse();
            assertThat(s.path("volumes").toString())
                    .contains("../../" + service.module() + "/target/quarkus-app:/app:ro");
            assertThat(s.path("healthcheck").path("test").toString()).contains("/q/health/ready");
            assertThat(s.path("depends_on").path("postgres").path("condition").asText())
                    .isEqualTo("service_healthy");
            assertThat(s.path("depends_on").path("topics").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
            assertThat(s.path("env_file").toString()).contains("secrets.env");
            assertThat(s.path("environment").path("QUARKUS_HTTP_PORT").asInt()).isEqualTo(service.defaultPort());
            assertThat(ROOT.resolve(service.module()).resolve("pom.xml")).isRegularFile();
        }
        assertThat(services.path("postgres").path("healthcheck").isMissingNode())
                .isFalse();
        assertThat(services.path("kafka").path("healthcheck").isMissingNode()).isFalse();
    }

    @Test
    void topicsAreCreatedFromTheEventsModulesSettings() {
        JsonNode command = compose.path("services").path("topics").path("command");
        assertThat(command.toString()).contains(SluiceTopics.class.getName());
        assertThat(compose.path("services")
                        .path("kafka")
                        .path("environment")
                        .path("KAFKA_AUTO_CREATE_TOPICS_ENABLE")
                        .asText())
                .isEqualTo("false");
    }

    @Test
    void noSecretIsCommittedInTheComposeFiles() throws IOException {
        List<String> literalSecrets = new ArrayList<>();
        compose.path("services")
                .fields()
                .forEachRemaining(service -> service.getValue()
                        .path("environment")
                        .fields()
                        .forEachRemaining(env -> {
                            if (secretName(env.getKey()) && !env.getKey().endsWith("_FILE")) {
                                literalSecrets.add(service.getKey() + ": " + env.getKey());
                            }
                        }));
        for (String line : Files.readAllLines(COMPOSE.resolve("sluice.env"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && line.contains("=") && secretName(line.substring(0, line.indexOf('=')))) {
                literalSecrets.add("sluice.env: " + line.substring(0, line.indexOf('=')));
            }
        }
        for (String line : Files.readAllLines(COMPOSE.resolve("secrets.env.example"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && line.contains("=")) {
                assertThat(line.substring(line.indexOf('=') + 1))
                        .as("example value of " + line)
                        .isEmpty();
            }
        }
        assertThat(literalSecrets).isEmpty();
        assertThat(Files.readString(ROOT.resolve(".gitignore"), StandardCharsets.UTF_8))
                .contains("/deploy/compose/secrets.env")
                .contains("/deploy/compose/secrets/");
    }

    private static boolean secretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains);
    }

    /** Parsed as Compose reads it: SnakeYAML resolves the anchors and {@code <<} merge keys. */
    private static JsonNode parse(Path file) {
        try {
            Object tree = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            return new ObjectMapper().valueToTree(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
