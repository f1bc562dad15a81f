package org.sluice.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sluice.events.json.Json;

/** Reads the JSON documents users hand the CLI, with errors naming the file, line and column. */
public final class JsonFiles {
    private JsonFiles() {}

    /** The JSON object in {@code file}; {@code what} names it in the error when the file holds something else. */
    public static ObjectNode readObject(Path file, String what) throws IOException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new IOException(file + " must hold a JSON object (" + what + "), found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return (ObjectNode) tree;
    }
}
