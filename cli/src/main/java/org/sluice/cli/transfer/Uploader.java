package org.sluice.cli.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.sluice.cli.console.Progress;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.io.ProgressInputStream;

/** Uploads a transfer's payload, streamed from the file with a progress bar. */
final class Uploader {
    private final GatewayClient gateway;
    private final Progress.Factory progress;

    Uploader(GatewayClient gateway, Progress.Factory progress) {
        this.gateway = gateway;
        this.progress = progress;
    }

    /**
     * Uploads {@code file} as the payload of a transfer that declared {@code declaredBytes}; a file of another size is
     * refused before anything is sent.
     */
    UploadReceipt upload(String transferId, Path file, long declaredBytes) throws IOException {
        long size = Files.size(file);
        if (size != declaredBytes) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "%s has %,d bytes, but transfer %s declares %,d: nothing was sent",
                    file,
                    size,
                    transferId,
                    declaredBytes));
        }
        try (Progress bar = progress.start("upload " + transferId, size, 0)) {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> open(file, bar)), size);
            return GatewayClient.bind(
                    gateway.put(
                            TransferPaths.payload(transferId),
                            body,
                            Map.of("Content-Type", "application/octet-stream")),
                    UploadReceipt.class,
                    "upload receipt");
        }
    }

    private static InputStream open(Path file, Progress bar) {
        try {
            return new ProgressInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), bar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
