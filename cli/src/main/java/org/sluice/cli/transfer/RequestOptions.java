package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sluice.cli.Session;
import org.sluice.cli.io.FileDigest;
import picocli.CommandLine.Option;

/** The transfer request a command sends: {@code --request FILE [--file PAYLOAD] [--licence ID]...}. */
final class RequestOptions {

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The transfer request (JSON).")
    private Path requestFile;

    @Option(
            names = "--file",
            paramLabel = "PAYLOAD",
            description = "The payload file: declares its size and SHA-256 in the request.")
    private Path payloadFile;

    @Option(
            names = "--licence",
            paramLabel = "ID",
            description = "Cite this licence too (added to the request's licenceIds; repeatable), e.g. the id a licence"
                    + " application was given.")
    private List<String> licences = List.of();

    /**
     * A request ready to send.
     *
     * @param body the request document
     * @param payload the payload file's size and digest, when {@code --file} was given (else null)
     */
    record Prepared(ObjectNode body, FileDigest payload) {}

    Optional<Path> payloadFile() {
        return Optional.ofNullable(payloadFile);
    }

    /** Reads the request and, with {@code --file}, declares the payload in it. */
    Prepared prepare(Session session) throws IOException {
        ObjectNode body = RequestFile.cite(RequestFile.read(requestFile), licences);
        if (payloadFile == null) {
            return new Prepared(body, null);
        }
        FileDigest payload = FileDigest.of(payloadFile, session::progress);
        return new Prepared(RequestFile.declare(body, payload, payloadFile), payload);
    }
}
