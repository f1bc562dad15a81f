package org.sluice.crypto.manifest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Passes a stream through while counting its bytes and hashing them with SHA-256; {@link #finish()} closes
 * the current part (header, body) and starts the next. A part longer than its announced size fails as soon
 * as its first extra byte arrives, so a stream cannot run on.
 */
final class CountingDigestStream extends FilterInputStream {
    private MessageDigest digest = sha256();
    private long count;
    private long limit = Long.MAX_VALUE;

    CountingDigestStream(InputStream in) {
        super(in);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Fails the read that finds more than this many bytes in the current part. */
    void limit(long bytes) {
        this.limit = bytes;
    }

    private void checkLimit() throws IOException {
        if (count >= limit && super.read() >= 0) {
            throw new SizeMismatchException(
                    "body",
                    limit,
                    limit + 1,
                    String.format(
                            Locale.ROOT,
                            "the package body is longer than the manifest says: more than the %,d bytes expected",
                            limit));
        }
    }

    long count() {
        return count;
    }

    /** The hex SHA-256 of the current part; counting and hashing start again from zero. */
    String finish() {
        String hex = HexFormat.of().formatHex(digest.digest());
        digest = sha256();
        count = 0;
        limit = Long.MAX_VALUE;
        return hex;
    }

    @Override
    public int read() throws IOException {
        checkLimit();
        if (count >= limit) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkLimit();
        if (count >= limit) {
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, limit - count));
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must be hashed: skipping reads through
        return readNBytes((int) Math.min(n, 8192)).length;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
