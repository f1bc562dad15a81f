package org.sluice.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.EventType;
import org.sluice.events.Principal;

/**
 * Writes and reads Sluice events as structured-mode CloudEvents 1.0 JSON in canonical form (RFC 8785):
 * the same event always gives the same bytes, which the audit log hashes.
 *
 * <pre>{@code
 * {"actor":"anna@umcu","actorinstitution":"i-umcu","actorroles":"submitter","data":{...},
 *  "datacontenttype":"application/json","id":"...","schemaversion":1,"source":"/sluice/gateway",
 *  "specversion":"1.0","subject":"tr-...","time":"2026-11-23T10:15:30.123Z","type":"TransferRequested"}
 * }</pre>
 *
 * The acting principal travels as the extension attributes {@code actor}, {@code actorroles}
 * (comma-separated), {@code actorinstitution} and {@code actorpartner}, since CloudEvents extensions are
 * scalar.
 */
public final class EventCodec {

    /** CloudEvents spec version written and accepted. */
    public static final String SPEC_VERSION = "1.0";
    /** Content type of the data. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final List<String> REQUIRED_ATTRIBUTES =
            List.of("specversion", "id", "source", "type", "subject", "time", "actor", "data");

    private final ObjectMapper mapper = Json.mapper();

    /** The canonical JSON bytes of an event. */
    public byte[] encode(Event<?> event) {
        return CanonicalJson.toBytes(toTree(event));
    }

    /** The canonical JSON text of an event. */
    public String encodeToString(Event<?> event) {
        return CanonicalJson.toString(toTree(event));
    }

    /** The event as a JSON tree (not yet canonical). */
    public ObjectNode toTree(Event<?> event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type().typeName());
        node.put("subject", event.subject());
        node.put("time", event.time().toString());
        node.put("datacontenttype", DATA_CONTENT_TYPE);
        node.put("schemaversion", event.schemaVersion());
        Principal actor = event.actor();
        node.put("actor", actor.id());
        node.put("actorroles", String.join(",", actor.roles()));
        if (actor.institution() != null) {
            node.put("actorinstitution", actor.institution());
        }
        if (actor.partner() != null) {
            node.put("actorpartner", actor.partner());
        }
        node.set("data", mapper.valueToTree(event.data()));
        return node;
    }

    /**
     * Reads a typed event.
     *
     * @throws UnknownEventTypeException a well-formed event of a type this version does not know
     * @throws EventDecodingException anything else that is not a valid Sluice event (poison)
     */
    public Event<?> decode(byte[] bytes) throws EventDecodingException {
        RawEvent raw = decodeRaw(bytes);
        EventType type = EventType.byName(raw.type()).orElseThrow(() -> new UnknownEventTypeException(raw.type()));
        EventData data;
        try {
            data = mapper.treeToValue(raw.data(), type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventDecodingException(
                    raw.type() + " data does not fit its schema: " + firstLine(e.getMessage()), e);
        }
        String missing = RequiredFields.firstMissing(data, "data");
        if (missing != null) {
            throw new EventDecodingException(raw.type() + " is missing required field " + missing);
        }
        if (!data.subject().equals(raw.subject())) {
            throw new EventDecodingException(
                    "subject '" + raw.subject() + "' does not match the data's '" + data.subject() + "'");
        }
        return new Event<>(raw.id(), raw.source(), raw.time(), raw.actor(), raw.schemaVersion(), data);
    }

    /**
     * Reads and checks the envelope, leaving the data untyped.
     *
     * @throws EventDecodingException not JSON, or not a Sluice CloudEvent
     */
    public RawEvent decodeRaw(byte[] bytes) throws EventDecodingException {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty record value");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new EventDecodingException("not JSON: " + firstLine(e.getMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new EventDecodingException("not a JSON object");
        }
        for (String attribute : REQUIRED_ATTRIBUTES) {
            JsonNode value = node.get(attribute);
            if (value == null || value.isNull()) {
                throw new EventDecodingException("CloudEvents attribute '" + attribute + "' is missing");
            }
            if (!attribute.equals("data") && !value.isTextual()) {
                throw new EventDecodingException("CloudEvents attribute '" + attribute + "' must be a string");
            }
        }
        if (!SPEC_VERSION.equals(node.get("specversion").textValue())) {
            throw new EventDecodingException(
                    "specversion '" + node.get("specversion").textValue() + "' is not " + SPEC_VERSION);
        }
        if (!node.get("data").isObject()) {
            throw new EventDecodingException("data must be a JSON object");
        }
        Instant time;
        try {
            time = Instant.parse(node.get("time").textValue());
        } catch (DateTimeParseException e) {
            throw new EventDecodingException(
                    "time '" + node.get("time").textValue() + "' is not an RFC 3339 UTC instant");
        }
        JsonNode version = node.get("schemaversion");
        if (version != null && !version.canConvertToInt()) {
            throw new EventDecodingException("schemaversion must be an integer");
        }
        Principal actor = new Principal(
                node.get("actor").textValue(),
                splitRoles(text(node, "actorroles")),
                text(node, "actorinstitution"),
                text(node, "actorpartner"));
        byte[] canonical;
        try {
            canonical = CanonicalJson.toBytes(node);
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException(e.getMessage(), e);
        }
        return new RawEvent(
                node.get("id").textValue(),
                node.get("source").textValue(),
                node.get("type").textValue(),
                node.get("subject").textValue(),
                time,
                actor,
                version == null ? 1 : version.intValue(),
                node.get("data"),
                canonical);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> splitRoles(String roles) {
        if (roles == null || roles.isBlank()) {
            return List.of();
        }
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
