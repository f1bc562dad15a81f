package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sluice.cli.io.FileDigest;
import org.sluice.cli.io.JsonFiles;

/**
 * A transfer request read from a JSON file (the TransferRequest contract), sent as written: the gateway validates it
 * and answers with every field at fault. With a payload file, its size and SHA-256 are declared for the user.
 */
final class RequestFile {
    private RequestFile() {}

    /** The request in {@code file}; it must be a JSON object. */
    static ObjectNode read(Path file) throws IOException {
        return JsonFiles.readObject(file, "a transfer request");
    }

    /**
     * Adds the licences to the request's {@code licenceIds}, each once, after those the file cites. A
     * {@code licenceIds} that is not an array is left for the gateway to name.
     */
    static ObjectNode cite(ObjectNode request, List<String> licences) {
        if (licences.isEmpty()
                || (request.has("licenceIds") && !request.get("licenceIds").isArray())) {
            return request;
        }
        ArrayNode cited =
                request.has("licenceIds") ? (ArrayNode) request.get("licenceIds") : request.putArray("licenceIds");
        for (String licence : licences) {
            boolean already = false;
            for (JsonNode c : cited) {
                already |= c.asText().equals(licence);
            }
            if (!already) {
                cited.add(licence);
            }
        }
        return request;
    }

    /**
     * Declares the payload: sets {@code payload.sizeBytes} and {@code payload.sha256} from the file's digest. A
     * request that already declares a different size or digest is refused, naming both.
     */
    static ObjectNode declare(ObjectNode request, FileDigest payload, Path payloadFile) throws IOException {
        JsonNode declared = request.path("payload");
        JsonNode size = declared.path("sizeBytes");
        JsonNode sha256 = declared.path("sha256");
        if (size.isNumber() && size.asLong() != payload.sizeBytes()) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "the request declares payload.sizeBytes %,d, but %s has %,d bytes",
                    size.asLong(),
                    payloadFile,
                    payload.sizeBytes()));
        }
        if (sha256.isTextual() && !sha256.asText().equalsIgnoreCase(payload.sha256())) {
            throw new IOException("the request declares payload.sha256 " + sha256.asText() + ", but " + payloadFile
                    + " has " + payload.sha256());
        }
        ObjectNode declaration = request.putObject("payload");
        declaration.put("sizeBytes", payload.sizeBytes());
        declaration.put("sha256", payload.sha256());
        return request;
    }
}
