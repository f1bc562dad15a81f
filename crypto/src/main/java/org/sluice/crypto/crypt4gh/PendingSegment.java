package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * One data segment on its way out: filled with plaintext by the writer's thread, sealed by a sealing worker
 * (or by the writer's thread itself, whichever comes first), then written by the writer's thread. Its
 * buffers are allocated on first use and dropped by {@link #release()}.
 */
final class PendingSegment {
    private final SegmentCipher cipher;
    private byte[] plain;
    private byte[] sealed;
    private final byte[] nonce = new byte[Format.NONCE_BYTES];
    private int length;
    private FutureTask<Integer> sealing;

    PendingSegment(SegmentCipher cipher) {
        this.cipher = cipher;
    }

    /** Plaintext bytes in the segment. */
    int length() {
        return length;
    }

    boolean isFull() {
        return length == Format.SEGMENT_BYTES;
    }

    /** Appends up to {@code len} bytes and returns how many fitted. */
    int fill(byte[] b, int off, int len) {
        allocate();
        int n = Math.min(len, Format.SEGMENT_BYTES - length);
        System.arraycopy(b, off, plain, length, n);
        length += n;
        return n;
    }

    void fill(int b) {
        allocate();
        plain[length++] = (byte) b;
    }

    /** Hands the filled segment to the sealing workers. */
    void seal(byte[] key, Executor workers) {
        sealing = new FutureTask<>(() -> {
            Aead.randomize(nonce);
            return cipher.seal(key, nonce, plain, length, sealed);
        });
        workers.execute(sealing);
    }

    /** Whether sealing has finished, so {@link #writeTo} would not wait. */
    boolean isSealed() {
        return sealing.isDone();
    }

    /**
     * Writes nonce, ciphertext and MAC to {@code sink}, sealing the segment here if no worker has started on
     * it, waiting if one has; the segment is empty again afterwards.
     */
    void writeTo(OutputStream sink) throws IOException {
        sealing.run(); // does nothing if a worker ran or is running it
        int n;
        try {
            n = sealing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a Crypt4GH segment was sealed");
        } catch (ExecutionException e) {
            throw new IOException("sealing a Crypt4GH segment failed", e.getCause());
        } finally {
            sealing = null;
        }
        sink.write(nonce, 0, Format.NONCE_BYTES);
        sink.write(sealed, 0, n);
        length = 0;
    }

    /** Zeroes the plaintext and lets the buffers go; the segment allocates new ones if used again. */
    void release() {
        if (plain != null) {
            Arrays.fill(plain, (byte) 0);
        }
        plain = null;
        sealed = null;
        length = 0;
    }

    private void allocate() {
        if (plain == null) {
            plain = new byte[Format.SEGMENT_BYTES];
            sealed = new byte[Format.SEGMENT_BYTES + Format.MAC_BYTES];
        }
    }
}
