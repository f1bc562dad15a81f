package org.sluice.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.sluice.events.json.Json;

/**
 * Validates JSON documents against the schemas of {@code docs/events/} (packaged with this module),
 * returning every violation rather than the first.
 */
public final class SchemaValidator {

    private static final String SCHEMA_ROOT = "/org/sluice/events/schemas/";

    private final JsonSchema schema;

    private SchemaValidator(JsonSchema schema) {
        this.schema = schema;
    }

    /** A validator for one schema file, e.g. {@code TransferRequest.schema.json}. */
    public static SchemaValidator forSchema(String schemaFile) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_ROOT + schemaFile)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + schemaFile);
            }
            JsonNode schemaNode = Json.mapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    .formatAssertionsEnabled(true)
                    .build();
            return new SchemaValidator(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaNode, config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the document, ordered by field; empty when it is valid. */
    public List<Violation> validate(JsonNode document) {
        return schema.validate(document).stream()
                .map(SchemaValidator::toViolation)
                .distinct()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .toList();
    }

    private static Violation toViolation(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String field = location.startsWith("$.") ? location.substring(2) : location.equals("$") ? "" : location;
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            text = text.substring(colon + 2);
        }
        return new Violation(field.isEmpty() ? "(body)" : field, message.getType(), text);
    }
}
