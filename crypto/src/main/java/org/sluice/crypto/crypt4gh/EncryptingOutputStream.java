package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Cuts plaintext into 65,536-byte segments and writes each as nonce, ciphertext and MAC. Segments are
 * independent (each has its own random nonce), so while the writer's thread fills the next one, the
 * sealing workers seal the filled ones in parallel; the writer's thread writes them to the sink in order
 * (the sink is only ever written from the writer's thread). At most a few segments per sealing thread are
 * in memory, whatever the size of the stream; an empty stream writes no segment at all.
 */
final class EncryptingOutputStream extends OutputStream {
    private final OutputStream sink;
    private final byte[] dataKey;
    private final Executor workers;
    private final PendingSegment[] ring;
    /** The oldest segment being sealed. */
    private int head;
    /** Segments being sealed or sealed and not yet written; the one after them is being filled. */
    private int inFlight;

    private PendingSegment filling;
    private boolean closed;

    EncryptingOutputStream(OutputStream sink, byte[] dataKey) {
        // two segments per sealing thread keep every thread busy while the writer fills and writes
        this(sink, dataKey, SegmentCiphers.chosen(), SealingWorkers.executor(), 2 * SealingWorkers.count() + 2);
    }

    /** With a given cipher, executor and number of segments in memory (at least 2). */
    EncryptingOutputStream(
            OutputStream sink, byte[] dataKey, SegmentCiphers.Choice cipher, Executor workers, int segments) {
        if (segments < 2) {
            throw new IllegalArgumentException("at least 2 segments, not " + segments);
        }
        this.sink = sink;
        this.dataKey = dataKey;
        this.workers = workers;
        this.ring = new PendingSegment[segments];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new PendingSegment(cipher.instances().get());
        }
        this.filling = ring[0];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        filling.fill(b);
        if (filling.isFull()) {
            dispatch();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            int n = filling.fill(b, off, len);
            off += n;
            len -= n;
            if (filling.isFull()) {
                dispatch();
            }
        }
    }

    /**
     * Writes every whole segment received so far to the sink and flushes it; a partial segment stays
     * buffered until it fills or the stream is closed. Segments being sealed are kept in memory only.
     */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
        for (PendingSegment segment : ring) {
            if (segment != filling) {
                segment.release();
            }
        }
        sink.flush();
    }

    /** Writes the remaining segments, the last (partial) one included, and closes the sink. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (sink) {
            if (filling.length() > 0) {
                dispatch();
            }
            drain();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            for (PendingSegment segment : ring) {
                segment.release();
            }
        }
    }

    /** Seals the filled segment in the background and moves on to the next free one. */
    private void dispatch() throws IOException {
        filling.seal(dataKey, workers);
        inFlight++;
        while (inFlight == ring.length || (inFlight > 0 && ring[head].isSealed())) {
            writeOldest();
        }
        filling = ring[(head + inFlight) % ring.length];
    }

    private void drain() throws IOException {
        while (inFlight > 0) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        ring[head].writeTo(sink);
        head = (head + 1) % ring.length;
        inFlight--;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the Crypt4GH stream is closed");
        }
    }
}
