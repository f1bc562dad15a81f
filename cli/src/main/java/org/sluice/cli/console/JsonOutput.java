package org.sluice.cli.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.sluice.events.json.Json;

/** Prints a JSON document, indented, as the gateway sent it ({@code --json}). */
public final class JsonOutput {
    private JsonOutput() {}

    public static void print(PrintWriter out, JsonNode document) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
