package org.sluice.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sluice.events.EventType;
import org.sluice.events.decision.Evaluation;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.TransferRequest;

/**
 * The JSON Schemas published under {@code docs/events/} are exactly what the records define. After
 * changing a record, regenerate them with {@code mvn -pl events test -Dsluice.schemas.write=true}.
 */
class SchemasMatchRecordsTest {

    static final Path DOCS = Path.of("..", "docs", "events");
    private final ObjectMapper pretty = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    static Map<String, JsonNode> expectedSchemas() {
        SchemaGenerator generator = new SchemaGenerator();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        schemas.put("CloudEvent.schema.json", generator.envelopeSchema());
        schemas.put(
                "TransferRequest.schema.json",
                generator.recordSchema(
                        TransferRequest.class,
                        "TransferRequest",
                        "Body of POST /api/v1/transfers and POST /api/v1/transfers/precheck."));
        schemas.put(
                "Evaluation.schema.json",
                generator.recordSchema(
                        Evaluation.class,
                        "Evaluation",
                        "Answer of POST /api/v1/transfers/precheck: what the active policy would decide."));
        for (EventType type : EventType.values()) {
            schemas.put(
                    type.schemaFile(),
                    generator.recordSchema(
                            type.dataClass(),
                            type.typeName(),
                            "data of a " + type.typeName() + " event on "
                                    + type.topic().topicName() + " (schemaversion " + type.schemaVersion() + ")"));
        }
        return schemas;
    }

    @Test
    void publishedSchemasAreTheOnesTheRecordsDefine() throws IOException {
        boolean write = Boolean.getBoolean("sluice.schemas.write");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expectedSchemas().entrySet()) {
            Path file = DOCS.resolve(e.getKey());
            String expected = pretty.writeValueAsString(e.getValue()) + "\n";
            if (write) {
                Files.createDirectories(DOCS);
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            } else if (!Files.exists(file)
                    || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                stale.add(e.getKey());
            }
        }
        assertThat(stale)
                .as("schemas under docs/events differ from the records; regenerate with"
                        + " mvn -pl events test -Dsluice.schemas.write=true")
                .isEmpty();
    }

    @Test
    void noSchemaFileIsLeftOverFromARemovedType() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .toList();
            assertThat(expectedSchemas().keySet()).containsAll(present);
        }
    }
}
