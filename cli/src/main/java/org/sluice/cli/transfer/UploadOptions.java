package org.sluice.cli.transfer;

import org.sluice.cli.ByteSizeConverter;
import org.sluice.cli.Session;
import org.sluice.cli.io.Retries;
import picocli.CommandLine.Option;

/** How a payload is uploaded: {@code --chunk-size}, {@code --retries}. */
final class UploadOptions {

    @Option(
            names = "--chunk-size",
            paramLabel = "SIZE",
            defaultValue = "64M",
            converter = ByteSizeConverter.class,
            description = "Bytes per upload request, e.g. 8M or 1G (default: ${DEFAULT-VALUE}). A chunk that breaks"
                    + " off loses nothing: the gateway keeps what arrived.")
    private long chunkBytes;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "3",
            description = "How often a broken-off upload is resumed before giving up (default: ${DEFAULT-VALUE}).")
    private int retries;

    Uploader uploader(Session session) {
        return new Uploader(
                new SubmitterApi(session.gateway()),
                new Retries(session.environment().pause(), retries),
                chunkBytes,
                session::progress,
                session::status);
    }
}
