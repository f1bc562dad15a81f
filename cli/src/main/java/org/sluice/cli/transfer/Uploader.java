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
import java.util.function.Consumer;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.console.Progress;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.GatewayException;
import org.sluice.cli.http.GatewayUnreachableException;
import org.sluice.cli.http.JsonAnswer;
import org.sluice.cli.io.FileSlice;
import org.sluice.cli.io.InterruptedTransferException;
import org.sluice.cli.io.ProgressInputStream;
import org.sluice.cli.io.Retries;

/**
 * Uploads a transfer's payload in {@code Content-Range} chunks, resuming where the gateway says it stands: the gateway
 * keeps every byte of a chunk that arrived, even when the connection broke off, and {@code GET .../payload} tells
 * how many. A broken connection is retried with growing pauses; an upload the gateway finds different from the
 * declaration (422) starts again from 0 on the next run.
 */
final class Uploader {
    private final SubmitterApi api;
    private final Retries retries;
    private final long chunkBytes;
    private final Progress.Factory progress;
    private final Consumer<String> status;

    /**
     * @param retries how broken connections are retried
     * @param chunkBytes bytes per {@code PUT}
     * @param progress the progress bar of each attempt
     * @param status where a line about resuming goes
     */
    Uploader(SubmitterApi api, Retries retries, long chunkBytes, Progress.Factory progress, Consumer<String> status) {
        this.api = api;
        this.retries = retries;
        this.chunkBytes = chunkBytes;
        this.progress = progress;
        this.status = status;
    }

    /**
     * Uploads {@code file} as the payload of a transfer that declared {@code declaredBytes}, from where an earlier
     * attempt stopped. A file of another size is refused before anything is sent.
     *
     * @throws InterruptedTransferException the connection kept breaking off; the next run resumes
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
        String label = "upload " + transferId;
        long offset = -1;
        Progress bar = Progress.none();
        try {
            while (true) {
                try {
                    if (offset < 0) {
                        bar.close();
                        offset = api.uploadProgress(transferId).received();
                        if (offset > 0) {
                            status.accept("resuming the upload of " + transferId + " at " + Bytes.human(offset) + " of "
                                    + Bytes.human(size));
                        }
                        bar = progress.start(label, size, offset);
                    }
                    JsonAnswer answer = put(transferId, file, offset, size, bar);
                    if (answer.status() == 200) {
                        return GatewayClient.bind(answer.body(), UploadReceipt.class, "upload receipt");
                    }
                    offset = GatewayClient.bind(answer.body(), UploadProgress.class, "upload progress")
                            .received();
                    retries.progressed();
                } catch (GatewayUnreachableException | GatewayException e) {
                    if (e instanceof GatewayException refused
                            && !refused.is("upload-offset-mismatch")
                            && !refused.is("upload-in-progress")) {
                        throw refused;
                    }
                    long sent = Math.max(offset, 0);
                    retries.failed(() -> new InterruptedTransferException(
                            "the upload of " + transferId + " broke off after " + Bytes.human(sent) + " of "
                                    + Bytes.human(size) + " (" + e.getMessage() + "); run 'sluice transfer upload "
                                    + transferId + " " + file + "' to resume",
                            e));
                    offset = -1; // ask the gateway how much arrived
                }
            }
        } finally {
            bar.close();
        }
    }

    /** Sends the next chunk from {@code first} (or, for an empty payload, the whole of it). */
    private JsonAnswer put(String transferId, Path file, long first, long size, Progress bar) throws IOException {
        long length = Math.min(chunkBytes, size - first);
        Map<String, String> headers = size == 0
                ? Map.of("Content-Type", "application/octet-stream")
                : Map.of(
                        "Content-Type",
                        "application/octet-stream",
                        "Content-Range",
                        "bytes " + first + "-" + (first + length - 1) + "/" + size);
        HttpRequest.BodyPublisher body = length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> slice(file, first, length, bar)), length);
        return api.putPayload(transferId, body, headers);
    }

    private static InputStream slice(Path file, long first, long length, Progress bar) {
        try {
            return new ProgressInputStream(
                    new BufferedInputStream(FileSlice.open(file, first, length), 64 * 1024), bar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
