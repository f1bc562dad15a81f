package org.sluice.transparency.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sluice.events.json.Json;

/** Reads signed checkpoints from a file: the JSON array the API serves, or one signed note. */
final class CheckpointFiles {
    private CheckpointFiles() {}

    static List<String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.stripLeading().startsWith("[")) {
            return List.of(text);
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode c : Json.mapper().readTree(text)) {
            notes.add(c.path("note").asText());
        }
        return notes;
    }
}
