package org.sluice.cli.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.console.Progress;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.GatewayUnreachableException;
import org.sluice.cli.http.UnexpectedAnswerException;
import org.sluice.cli.io.InterruptedTransferException;
import org.sluice.cli.io.Retries;

/**
 * Downloads a package into a partial file, continuing where an earlier attempt (or an earlier run) stopped with an
 * HTTP {@code Range} request. A connection that breaks off is retried with growing pauses; what arrived stays on disk.
 * A package is immutable once sealed, and the signed manifest's digests are checked afterwards, so a partial file is
 * trusted only to be a prefix of the package: a gateway that ignores the range gets the file rewritten from the start.
 */
final class Downloader {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final GatewayClient gateway;
    private final Retries retries;
    private final Progress.Factory progress;
    /** The package's entity tag once an answer gave it: a resumed range must be of the same representation. */
    private String entityTag;

    /**
     * @param retries how broken-off downloads are resumed
     * @param progress the progress bar of each attempt
     */
    Downloader(GatewayClient gateway, Retries retries, Progress.Factory progress) {
        this.gateway = gateway;
        this.retries = retries;
        this.progress = progress;
    }

    /**
     * Downloads {@code path} into {@code partial} until it holds the whole package, or all of it the gateway has.
     *
     * @param expectedBytes the package's size according to its (verified) manifest
     * @return the bytes in {@code partial}
     * @throws VerificationException the gateway offers more bytes than the manifest says
     * @throws InterruptedTransferException the download kept breaking off; {@code partial} keeps what arrived
     */
    long download(String path, Path partial, long expectedBytes, String label) throws IOException {
        while (true) {
            long before = size(partial);
            try {
                return attempt(path, partial, expectedBytes, label);
            } catch (GatewayUnreachableException e) {
                if (size(partial) > before) {
                    retries.progressed();
                }
                long arrived = size(partial);
                retries.failed(() -> new InterruptedTransferException(
                        label + " broke off after " + Bytes.human(arrived) + " of " + Bytes.human(expectedBytes) + " ("
                                + e.getMessage() + "); run the same command again to resume",
                        e));
            }
        }
    }

    private long attempt(String path, Path partial, long expectedBytes, String label) throws IOException {
        long have = size(partial);
        if (have > expectedBytes) {
            Files.delete(partial); // longer than the package: not a prefix of it
            have = 0;
        }
        if (have == expectedBytes) {
            return have;
        }
        Map<String, String> headers = new HashMap<>();
        if (have > 0) {
            headers.put("Range", "bytes=" + have + "-");
            if (entityTag != null) {
                headers.put("If-Range", entityTag);
            }
        }
        HttpResponse<InputStream> response = gateway.open(path, headers);
        response.headers().firstValue("ETag").ifPresent(tag -> entityTag = tag);
        long start;
        long total;
        switch (response.statusCode()) {
            case 206 -> {
                String header = response.headers().firstValue("Content-Range").orElse(null);
                ContentRange range = ContentRange.parse(header)
                        .orElseThrow(() -> unexpected(response, "a 206 answer with Content-Range '" + header + "'"));
                if (range.first() != have) {
                    throw unexpected(response, "bytes from " + range.first() + " when asked from " + have);
                }
                start = have;
                total = range.total();
            }
            case 200 -> {
                start = 0; // the whole package again: the range was ignored
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            }
            case 416 -> {
                response.body().close();
                Files.deleteIfExists(partial); // the partial file is not a prefix of this package
                return attempt(path, partial, expectedBytes, label);
            }
            default -> throw gateway.refusal(response);
        }
        if (total > expectedBytes) {
            response.body().close();
            throw new VerificationException(String.format(
                    java.util.Locale.ROOT,
                    "%s refused: the gateway serves %,d bytes, the signed manifest says the package has %,d;"
                            + " nothing was downloaded",
                    label,
                    total,
                    expectedBytes));
        }
        try (Progress bar = progress.start(label, expectedBytes, start)) {
            copy(response.body(), partial, start, bar);
        }
        long now = size(partial);
        if (total >= 0 && now < total) {
            throw new GatewayUnreachableException(
                    "the connection ended after " + Bytes.exact(now) + " of " + Bytes.exact(total), null);
        }
        return now;
    }

    private static void copy(InputStream body, Path partial, long start, Progress bar) throws IOException {
        StandardOpenOption[] mode = start == 0
                ? new StandardOpenOption[] {
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE
                }
                : new StandardOpenOption[] {StandardOpenOption.APPEND};
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(partial, mode)) {
            for (int n; (n = read(in, buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                bar.advance(n);
            }
        }
    }

    /** Reads from the network: a failure there is a broken connection (retried), not a local one. */
    private static int read(InputStream in, byte[] buffer) throws GatewayUnreachableException {
        try {
            return in.read(buffer);
        } catch (InterruptedIOException e) {
            throw new GatewayUnreachableException("the download stalled", e);
        } catch (IOException e) {
            throw new GatewayUnreachableException(
                    "the connection broke off" + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static UnexpectedAnswerException unexpected(HttpResponse<InputStream> response, String what) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the answer is refused either way
        }
        return new UnexpectedAnswerException(
                "the gateway sent " + what + " for " + response.uri().getPath());
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
