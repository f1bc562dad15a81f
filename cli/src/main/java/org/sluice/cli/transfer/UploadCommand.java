package org.sluice.cli.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.console.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice transfer upload}. */
@Command(
        name = "upload",
        description = {
            "Upload the payload of a transfer you created, in chunks; the gateway checks it against the declared size"
                    + " and SHA-256 before the request goes to policy.",
            "An upload that broke off (here or in an earlier run) continues from the bytes the gateway received."
        })
public final class UploadCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "TRANSFER", converter = IdConverter.class, description = "The transfer id.")
    private String transferId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The payload file.")
    private Path file;

    @Mixin
    private UploadOptions upload;

    public UploadCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Transfer transfer = new SubmitterApi(session.gateway()).transfer(transferId);
        if (!transfer.awaitsPayload()) {
            throw new IOException(
                    "transfer " + transferId + " is " + transfer.state() + ": it is not waiting for a payload");
        }
        UploadReceipt receipt = upload.uploader(session)
                .upload(transferId, file, transfer.request().payload().sizeBytes());
        session.result(receipt.transferId(), describe(receipt));
        return ExitCode.OK;
    }

    /** One line about a finished upload. */
    static String describe(UploadReceipt receipt) {
        return "uploaded " + Bytes.exact(receipt.sizeBytes()) + " to " + receipt.transferId() + ", sha256 "
                + receipt.sha256() + "; now " + receipt.state();
    }
}
