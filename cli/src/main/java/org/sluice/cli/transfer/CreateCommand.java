package org.sluice.cli.transfer;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
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

    @Mixin
    private RequestOptions request;

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
        if (upload && request.payloadFile().isEmpty()) {
            throw new UsageException("--upload needs the payload file: --file PAYLOAD");
        }
        SubmitterApi api = new SubmitterApi(session.gateway());
        RequestOptions.Prepared prepared = request.prepare(session);
        TransferCreated created = api.create(
                prepared.body(), idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        session.result(
                created.id(),
                "created transfer " + created.id() + " (" + created.state() + ")\nupload to "
                        + api.gateway().resolve(created.uploadUrl()));
        if (upload) {
            UploadReceipt receipt = uploadOptions
                    .uploader(session)
                    .upload(
                            created.id(),
                            request.payloadFile().orElseThrow(),
                            prepared.payload().sizeBytes());
            session.report(UploadCommand.describe(receipt));
        }
        return ExitCode.OK;
    }
}
