package org.sluice.transparency.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;

/**
 * An NDJSON export of the whole log, one entry per line: {@code {"index":0,"eventId":"...",
 * "leafHash":"<base64>","entry":{<the event>}}}. The entry's canonical bytes are recomputed from the JSON
 * (RFC 8785), so white space or member order changed in transit do not matter; content does. Checkpoints
 * come from a separate file: the JSON array {@code GET /api/v1/audit/checkpoints} serves, or one signed note.
 */
final class NdjsonExport implements LogSource {

    private final Path export;
    private final Path checkpoints;

    NdjsonExport(Path export, Path checkpoints) {
        this.export = export;
        this.checkpoints = checkpoints;
    }

    @Override
    public List<String> checkpointNotes() throws IOException {
        return checkpoints == null ? List.of() : CheckpointFiles.read(checkpoints);
    }

    @Override
    public void read(LogVerifier verifier) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    verifier.accept(parse(line, number));
                } catch (IOException | IllegalArgumentException e) {
                    verifier.report(new Finding(
                            Finding.Kind.MALFORMED,
                            -1,
                            number,
                            "is not an export entry: " + firstLine(e.getMessage())));
                }
            }
        }
    }

    private static LogRecord parse(String line, long number) throws IOException {
        JsonNode node = Json.mapper().readTree(line);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode index = node.get("index");
        JsonNode eventId = node.get("eventId");
        JsonNode leafHash = node.get("leafHash");
        JsonNode entry = node.get("entry");
        if (index == null || !index.canConvertToLong()) {
            throw new IllegalArgumentException("'index' is missing or not an integer");
        }
        if (eventId == null || !eventId.isTextual()) {
            throw new IllegalArgumentException("'eventId' is missing or not a string");
        }
        if (entry == null || !entry.isObject()) {
            throw new IllegalArgumentException("'entry' is missing or not an object");
        }
        byte[] stored = leafHash == null || leafHash.isNull()
                ? null
                : Base64.getDecoder().decode(leafHash.asText());
        return new LogRecord(number, index.longValue(), eventId.textValue(), CanonicalJson.toBytes(entry), stored);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
