package org.sluice.events.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.TopicSettings;

/**
 * {@code deploy/k8s/kafka-topics.yaml} holds a Strimzi {@code KafkaTopic} for every topic and dead-letter
 * topic of {@link Topic}, with the partitions, cleanup and retention of its {@link TopicSettings}: the
 * topic list is never written twice. After changing a topic, regenerate the file with
 * {@code mvn -pl events test -Dtest=StrimziTopicsTest -Dsluice.manifests.write=true}.
 */
class StrimziTopicsTest {

    static final Path FILE = Path.of("..", "deploy", "k8s", "kafka-topics.yaml");
    /** The Strimzi Kafka cluster the topics belong to (label {@code strimzi.io/cluster}). */
    static final String CLUSTER = "sluice";
    /** Replicas of every topic, and the in-sync replicas a write with acks=all needs. */
    static final int REPLICAS = 3;

    static final int MIN_IN_SYNC = 2;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedResourcesAreTheOnesTheTopicsDefine() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("sluice.manifests.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("deploy/k8s/kafka-topics.yaml differs from Topic; regenerate it (see this class)")
                .isEqualTo(expected);
    }

    @Test
    void everyTopicAndDeadLetterTopicAppearsWithItsSettings() throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        try (var parser = yaml.createParser(Files.readString(FILE, StandardCharsets.UTF_8))) {
            for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
                assertThat(doc.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
                assertThat(doc.path("kind").asText()).isEqualTo("KafkaTopic");
                assertThat(doc.path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText())
                        .isEqualTo(CLUSTER);
                byName.put(doc.path("spec").path("topicName").asText(), doc.path("spec"));
            }
        }
        List<String> expectedNames = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            expectedNames.add(topic.topicName());
            expectedNames.add(topic.dlqName());
            assertSettings(byName.get(topic.topicName()), topic.settings());
            assertSettings(byName.get(topic.dlqName()), TopicSettings.DEAD_LETTERS);
        }
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        assertThat(byName.get(Topic.PARTNERS.topicName())
                        .path("config")
                        .path("cleanup.policy")
                        .asText())
                .isEqualTo("compact");
    }

    private static void assertSettings(JsonNode spec, TopicSettings settings) {
        assertThat(spec).isNotNull();
        assertThat(spec.path("partitions").asInt()).isEqualTo(settings.partitions());
        assertThat(spec.path("replicas").asInt()).isEqualTo(REPLICAS);
        for (Map.Entry<String, String> e : settings.kafkaConfig().entrySet()) {
            assertThat(spec.path("config").path(e.getKey()).asText()).isEqualTo(e.getValue());
        }
        assertThat(spec.path("config").path("min.insync.replicas").asInt()).isEqualTo(MIN_IN_SYNC);
    }

    /** The file's text: one KafkaTopic document per topic and per dead-letter topic. */
    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from org.sluice.events.Topic by StrimziTopicsTest (events module); do not edit.\n");
        out.append("# kubectl apply -n <namespace> -f deploy/k8s/kafka-topics.yaml  (Strimzi Topic Operator)\n");
        for (Topic topic : Topic.values()) {
            document(out, topic.topicName(), topic.settings());
            document(out, topic.dlqName(), TopicSettings.DEAD_LETTERS);
        }
        return out.toString();
    }

    private static void document(StringBuilder out, String name, TopicSettings settings) {
        out.append("---\n");
        out.append("apiVersion: kafka.strimzi.io/v1beta2\n");
        out.append("kind: KafkaTopic\n");
        out.append("metadata:\n");
        out.append("  name: ").append(name).append('\n');
        out.append("  labels:\n");
        out.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
        out.append("spec:\n");
        out.append("  topicName: ").append(name).append('\n');
        out.append("  partitions: ").append(settings.partitions()).append('\n');
        out.append("  replicas: ").append(REPLICAS).append('\n');
        out.append("  config:\n");
        for (Map.Entry<String, String> e : settings.kafkaConfig().entrySet()) {
            out.append("    ")
                    .append(e.getKey())
                    .append(": \"")
                    .append(e.getValue())
                    .append("\"\n");
        }
        out.append("    min.insync.replicas: \"").append(MIN_IN_SYNC).append("\"\n");
    }
}
