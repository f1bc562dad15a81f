package org.sluice.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.sluice.events.json.Json;
import org.sluice.platform.problem.JsonProblems;

/**
 * The one way a request body is read as JSON: duplicate member names and trailing content are malformed,
 * so the input policy and a resource reading the same body can never read it differently.
 */
public final class StrictJson {

    private static final ObjectReader READER = Json.mapper()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private StrictJson() {}

    /** The body as a tree; 400 {@code malformed-json} for anything else. */
    public static JsonNode parse(byte[] body) {
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonProblems.malformed(e);
        } catch (IOException e) {
            // bytes no JSON encoding decodes (e.g. "UTF-32" above U+10FFFF)
            throw JsonProblems.malformed(null);
        }
    }
}
