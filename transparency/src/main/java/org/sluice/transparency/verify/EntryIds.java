package org.sluice.transparency.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.sluice.events.json.Json;

/** Reads the CloudEvents {@code id} an entry's bytes carry. */
final class EntryIds {
    private EntryIds() {}

    /** The id, or null when the bytes are not a JSON object with a textual id. */
    static String of(byte[] entry) {
        try {
            JsonNode id = Json.mapper().readTree(entry).get("id");
            return id != null && id.isTextual() ? id.textValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
