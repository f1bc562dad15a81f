package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.io.FileDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice transfer create}. */
@Command(
        name = "create",
        description = {
            "Create a transfer from a request file (the TransferRequest JSON contract). Prints the transfer id and"
                    + " where to upload the payload (--quiet: the id only).",
            "With --file, payload.sizeBytes and payload.sha256 are computed from the payload file; with --upload as"
                    + " well, the file is uploaded at once."
        })
public final class CreateCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The transfer request (JSON).")
    private Path requestFile;

    @Option(
            names = "--file",
            paramLabel = "PAYLOAD",
            description = "The payload file: declares its size and SHA-256 in the request.")
    private Path payloadFile;

    @Option(names = "--upload", description = "Upload --file right after creating the transfer.")
    private boolean upload;

    @Mixin
    private UploadOptions uploadOptions;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Sent as Idempotency-Key: repeating the command with the same key and request returns the"
                    + " same transfer instead of a second one (default: a fresh random key).")
    private String idempotencyKey;

    public CreateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (upload && payloadFile == null) {
            throw new UsageException("--upload needs the payload file: --file PAYLOAD");
        }
        GatewayClient gateway = session.gateway();
        ObjectNode request = RequestFile.read(requestFile);
        FileDigest payload = null;
        if (payloadFile != null) {
            payload = FileDigest.of(payloadFile, session::progress);
            RequestFile.declare(request, payload, payloadFile);
        }
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        TransferCreated created = GatewayClient.bind(
                gateway.postJson(TransferPaths.TRANSFERS, request, Map.of("Idempotency-Key", key)),
                TransferCreated.class,
                "answer to a new transfer");
        if (session.options().quiet()) {
            session.out().println(created.id());
        } else {
            session.out().println("created transfer " + created.id() + " (" + created.state() + ")");
            session.out().println("upload to " + gateway.resolve(created.uploadUrl()));
        }
        if (upload) {
            UploadReceipt receipt =
                    uploadOptions.uploader(session).upload(created.id(), payloadFile, payload.sizeBytes());
            if (!session.options().quiet()) {
                session.out().println(UploadCommand.describe(receipt));
            }
        }
        return ExitCode.OK;
    }
}
