package org.sluice.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Nullable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sluice.events.EventType;
import org.sluice.events.json.EventCodec;

/**
 * Derives the JSON Schemas of {@code docs/events/} from the records, so the published contract and the
 * code cannot drift apart: a component is required unless it is {@link Nullable} or a list without
 * {@code minItems} (which defaults to empty); {@link SchemaField} adds constraints.
 */
final class SchemaGenerator {

    static final String ID_BASE = "https://schemas.sluice.example/events/";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The schema of a record, with every nested record under {@code $defs}. */
    ObjectNode recordSchema(Class<?> type, String title, String description) {
        Map<String, ObjectNode> defs = new TreeMap<>();
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID_BASE + title + ".schema.json");
        root.put("title", title);
        root.put("description", description);
        ObjectNode body = objectSchema(type, defs);
        root.setAll(body);
        if (!defs.isEmpty()) {
            ObjectNode defsNode = root.putObject("$defs");
            defs.forEach(defsNode::set);
        }
        return root;
    }

    /** The schema of the CloudEvents envelope every Sluice event is wrapped in. */
    ObjectNode envelopeSchema() {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID_BASE + "CloudEvent.schema.json");
        root.put("title", "CloudEvent");
        root.put(
                "description",
                "Structured-mode CloudEvents 1.0 envelope of every Sluice event; the data "
                        + "follows <type>.schema.json. Extension attributes carry the acting principal.");
        root.put("type", "object");
        ArrayNode required = root.putArray("required");
        for (String name : List.of("specversion", "id", "source", "type", "subject", "time", "actor", "data")) {
            required.add(name);
        }
        ObjectNode props = root.putObject("properties");
        props.putObject("specversion").put("const", EventCodec.SPEC_VERSION);
        props.putObject("id").put("type", "string").put("minLength", 1).put("description", "unique event id");
        props.putObject("source").put("type", "string").put("minLength", 1).put("description", "producing service");
        ArrayNode types = props.putObject("type").put("type", "string").putArray("enum");
        for (EventType t : EventType.values()) {
            types.add(t.typeName());
        }
        props.putObject("subject")
                .put("type", "string")
                .put("minLength", 1)
                .put("description", "transfer id (or partner, bundle, licence, rule, log id); also the Kafka key");
        props.putObject("time").put("type", "string").put("format", "date-time");
        props.putObject("datacontenttype").put("const", EventCodec.DATA_CONTENT_TYPE);
        props.putObject("schemaversion").put("type", "integer").put("minimum", 1);
        props.putObject("actor").put("type", "string").put("minLength", 1).put("description", "acting principal id");
        props.putObject("actorroles").put("type", "string").put("description", "comma-separated roles of the actor");
        props.putObject("actorinstitution").put("type", "string").put("description", "institution of the actor");
        props.putObject("actorpartner").put("type", "string").put("description", "partner of the actor");
        props.putObject("data").put("type", "object");
        return root;
    }

    private ObjectNode objectSchema(Class<?> type, Map<String, ObjectNode> defs) {
        ObjectNode schema = F.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        List<String> required = new ArrayList<>();
        ObjectNode props = F.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            boolean list = List.class.isAssignableFrom(component.getType());
            ObjectNode property = typeSchema(component.getGenericType(), defs);
            SchemaField field = component.getAnnotation(SchemaField.class);
            if (field != null) {
                applyConstraints(property, field);
            }
            if (nullable) {
                property = makeNullable(property);
            } else if (!list || (field != null && field.minItems() > 0)) {
                required.add(component.getName());
            }
            props.set(component.getName(), property);
        }
        if (!required.isEmpty()) {
            ArrayNode req = schema.putArray("required");
            required.forEach(req::add);
        }
        schema.set("properties", props);
        return schema;
    }

    private ObjectNode typeSchema(Type type, Map<String, ObjectNode> defs) {
        ObjectNode schema = F.objectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                schema.put("type", "array");
                schema.set("items", typeSchema(args[0], defs));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                schema.put("type", "object");
                schema.set("additionalProperties", typeSchema(args[1], defs));
                return schema;
            }
            throw new IllegalArgumentException("unsupported generic type " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            schema.put("type", "string");
        } else if (cls == long.class || cls == Long.class || cls == int.class || cls == Integer.class) {
            schema.put("type", "integer");
        } else if (cls == boolean.class || cls == Boolean.class) {
            schema.put("type", "boolean");
        } else if (cls == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (cls == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (cls.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : cls.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (cls.isRecord()) {
            if (!defs.containsKey(cls.getSimpleName())) {
                defs.put(cls.getSimpleName(), F.objectNode()); // placeholder stops recursion
                defs.put(cls.getSimpleName(), objectSchema(cls, defs));
            }
            schema.put("$ref", "#/$defs/" + cls.getSimpleName());
        } else {
            throw new IllegalArgumentException("unsupported type " + cls);
        }
        return schema;
    }

    private static void applyConstraints(ObjectNode property, SchemaField field) {
        if (!field.description().isEmpty()) {
            property.put("description", field.description());
        }
        boolean array = "array".equals(property.path("type").asText());
        ObjectNode target = array ? (ObjectNode) property.get("items") : property;
        if (!field.pattern().isEmpty()) {
            property.put("pattern", field.pattern());
        }
        if (!field.itemPattern().isEmpty()) {
            target.put("pattern", field.itemPattern());
        }
        if (field.minLength() >= 0) {
            property.put("minLength", field.minLength());
        }
        if (field.maxLength() >= 0) {
            target.put("maxLength", field.maxLength());
        }
        if (field.minimum() != Long.MIN_VALUE) {
            property.put("minimum", field.minimum());
        }
        if (field.minItems() >= 0) {
            property.put("minItems", field.minItems());
        }
        if (field.maxItems() >= 0) {
            property.put("maxItems", field.maxItems());
        }
    }

    private static ObjectNode makeNullable(ObjectNode property) {
        JsonNode type = property.get("type");
        if (type != null && type.isTextual()) {
            ArrayNode types = F.arrayNode().add(type.asText()).add("null");
            property.set("type", types);
            return property;
        }
        ObjectNode anyOf = F.objectNode();
        anyOf.putArray("anyOf").add(property).add(F.objectNode().put("type", "null"));
        return anyOf;
    }
}
