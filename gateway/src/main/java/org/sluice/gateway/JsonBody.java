package org.sluice.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.sluice.events.json.Json;
import org.sluice.platform.problem.ProblemException;

/**
 * Reads a JSON request body as a tree, at most a configured number of bytes: larger bodies are refused
 * with 413 before they are parsed, malformed ones with 400 naming where the JSON broke. Duplicate member
 * names and trailing content are malformed too (two parsers must never read one body differently).
 */
public final class JsonBody {

    private static final ObjectReader READER = Json.mapper()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private JsonBody() {}

    /** The body as a JSON tree. */
    public static JsonNode read(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(
                    413,
                    "body-too-large",
                    "Body too large",
                    "the JSON body is larger than the limit of " + maxBytes + " bytes",
                    List.of());
        }
        if (bytes.length == 0) {
            throw malformed("the body is empty; a JSON object is expected");
        }
        try {
            return READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw malformed("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Binds a JSON object to a record; a member of the wrong type is a 400 naming the field. Rules beyond
     * types are the record's to check.
     */
    public static <T> T bind(JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw ProblemException.invalidField("(body)", "type", "a JSON object is expected");
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            throw ProblemException.invalidField(
                    field.isEmpty() ? "(body)" : field, "type", firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw malformed("the body does not bind: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-json", "Body is not valid JSON", detail, List.of());
    }
}
