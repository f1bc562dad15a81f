package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts plaintext into 65,536-byte segments and writes each as nonce, ciphertext and MAC. Holds one
 * segment in memory whatever the size of the stream; an empty stream writes no segment at all.
 */
final class EncryptingOutputStream extends OutputStream {
    private final OutputStream sink;
    private final byte[] dataKey;
    private final Aead aead = new Aead();
    private final byte[] plain = new byte[Format.SEGMENT_BYTES];
    private final byte[] sealed = new byte[Format.CIPHER_SEGMENT_BYTES];
    private int buffered;
    private boolean closed;

    EncryptingOutputStream(OutputStream sink, byte[] dataKey) {
        this.sink = sink;
        this.dataKey = dataKey;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        plain[buffered++] = (byte) b;
        if (buffered == Format.SEGMENT_BYTES) {
            writeSegment(plain, 0, buffered);
            buffered = 0;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (buffered == 0 && len >= Format.SEGMENT_BYTES) {
                // a whole segment in the caller's array: encrypt it in place of copying it first
                writeSegment(b, off, Format.SEGMENT_BYTES);
                off += Format.SEGMENT_BYTES;
                len -= Format.SEGMENT_BYTES;
                continue;
            }
            int n = Math.min(len, Format.SEGMENT_BYTES - buffered);
            System.arraycopy(b, off, plain, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == Format.SEGMENT_BYTES) {
                writeSegment(plain, 0, buffered);
                buffered = 0;
            }
        }
    }

    /** Flushes the sink; a partial segment stays buffered until it fills or the stream is closed. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        sink.flush();
    }

    /** Writes the last (partial) segment, if any, and closes the sink. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (sink) {
            if (buffered > 0) {
                writeSegment(plain, 0, buffered);
            }
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void writeSegment(byte[] source, int off, int len) throws IOException {
        int n = aead.seal(dataKey, source, off, len, sealed, 0);
        sink.write(sealed, 0, n);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the Crypt4GH stream is closed");
        }
    }
}
