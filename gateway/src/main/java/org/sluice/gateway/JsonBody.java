package org.sluice.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.sluice.events.json.Json;
import org.sluice.platform.input.StrictJson;
import org.sluice.platform.problem.JsonProblems;
import org.sluice.platform.problem.ProblemException;

/**
 * Reads a JSON request body as a tree for resources that validate it against the contract themselves.
 * The platform's input policy has already held the body to its size, syntax and text rules; this reads
 * at most the same number of bytes, with the same parser ({@link StrictJson}).
 */
public final class JsonBody {

    private JsonBody() {}

    /** The body as a JSON tree, at most {@code maxBytes} (413 beyond). */
    public static JsonNode read(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (bytes.length > maxBytes) {
            throw JsonProblems.tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new ProblemException(
                    400,
                    "malformed-json",
                    "Body is not valid JSON",
                    "the body is empty; a JSON object is expected",
                    List.of());
        }
        return StrictJson.parse(bytes);
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
            throw ProblemException.validation(List.of(JsonProblems.violation(e)));
        } catch (JsonProcessingException e) {
            throw JsonProblems.malformed(e);
        }
    }
}
