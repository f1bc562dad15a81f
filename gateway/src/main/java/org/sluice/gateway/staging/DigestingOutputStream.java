package org.sluice.gateway.staging;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.sluice.gateway.Sha256;

/**
 * Passes bytes through while counting them; once {@link #startDigest()} is called it also hashes them and
 * counts from zero again. The staging upload uses it to measure the Crypt4GH header and then hash the body.
 */
final class DigestingOutputStream extends FilterOutputStream {

    private MessageDigest digest;
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
    }

    /** Bytes written since construction or since {@link #startDigest()}. */
    long count() {
        return count;
    }

    /** Starts hashing, and counting from zero, with the next byte. */
    void startDigest() {
        digest = Sha256.newDigest();
        count = 0;
    }

    /** Continues hashing and counting from a state reached earlier (e.g. by re-reading what was written). */
    void resumeDigest(MessageDigest reached, long counted) {
        digest = reached;
        count = counted;
    }

    /** Hex SHA-256 of what was written since {@link #startDigest()}. */
    String sha256() {
        return Sha256.hex(digest);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
        if (digest != null) {
            digest.update((byte) b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
        if (digest != null) {
            digest.update(b, off, len);
        }
    }
}
