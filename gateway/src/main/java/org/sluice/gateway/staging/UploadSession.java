package org.sluice.gateway.staging;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.gateway.Sha256;

/**
 * One payload being received, possibly over several requests: the pending store object, the Crypt4GH
 * encryptor writing into it, and the running plaintext digest. It holds one segment of plaintext in
 * memory at most (inside the encryptor), never on disk; discarding it leaves nothing in the store.
 *
 * <p>Whole segments reach the pending object as they fill; {@link #checkpoint()} makes them durable and
 * says how much plaintext they hold, and {@link #rebuild} continues from there in another process (the
 * digests are recomputed by decrypting what is there: a digest's state cannot be saved).
 */
final class UploadSession implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;

    /** Called while a long body is appended, each {@link #CHECKPOINT_BYTES} of plaintext. */
    @FunctionalInterface
    interface Checkpoints {
        void reached() throws IOException;
    }

    /** Plaintext appended between two checkpoints within one request: 1,024 segments. */
    static final long CHECKPOINT_BYTES = 1024L * Crypt4ghWriter.SEGMENT_BYTES;

    /**
     * What was received, once the session ends.
     *
     * @param plaintextBytes size of the plaintext
     * @param plaintextSha256 hex SHA-256 of the plaintext
     * @param headerBytes size of the Crypt4GH header written
     * @param bodyBytes size of the encrypted body
     * @param bodySha256 hex SHA-256 of the body
     */
    record Received(long plaintextBytes, String plaintextSha256, long headerBytes, long bodyBytes, String bodySha256) {}

    private final PayloadStore.PendingObject object;
    private final DigestingOutputStream file;
    private final OutputStream encrypted;
    private final MessageDigest plaintext;
    private final long headerBytes;
    private final String writer = UUID.randomUUID().toString();
    private volatile long received;
    private volatile long durable;
    private volatile Instant lastUsed;

    private UploadSession(PayloadStore.PendingObject object, StagingKey key, Instant now) throws IOException {
        this.object = object;
        this.file = new DigestingOutputStream(object.stream());
        this.encrypted = key.encrypt(file);
        this.headerBytes = file.count();
        this.file.startDigest();
        this.plaintext = Sha256.newDigest();
        this.lastUsed = now;
    }

    private UploadSession(
            PayloadStore.PendingObject object,
            Crypt4ghHeader header,
            MessageDigest plaintext,
            MessageDigest body,
            long received,
            Instant now) {
        this.object = object;
        this.file = new DigestingOutputStream(object.stream());
        this.headerBytes = header.length();
        this.file.resumeDigest(body, Crypt4ghWriter.bodyLength(received));
        this.encrypted = Crypt4ghWriter.resume(file, header);
        this.plaintext = plaintext;
        this.received = received;
        this.durable = received;
        this.lastUsed = now;
    }

    /** Starts a session writing the staged object of a transfer; its header is durable when this returns. */
    static UploadSession open(PayloadStore store, String objectKey, StagingKey key, Instant now) throws IOException {
        PayloadStore.PendingObject object = store.create(objectKey);
        try {
            UploadSession session = new UploadSession(object, key, now);
            object.sync();
            return session;
        } catch (IOException | RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /**
     * Continues an upload another session left in a pending object, durable up to {@code received}
     * plaintext bytes (whole segments): decrypts those with the staging key to recompute both digests,
     * cuts off whatever follows them (a partial segment, or segments never recorded), and appends there.
     *
     * @throws IOException the pending object is gone or does not hold what was recorded
     */
    static UploadSession rebuild(
            PayloadStore store,
            String objectKey,
            StagingKey key,
            String ref,
            long headerBytes,
            long received,
            Instant now)
            throws IOException {
        if (received % Crypt4ghWriter.SEGMENT_BYTES != 0) {
            throw new IOException("an upload can resume only after a whole segment, not at " + received);
        }
        long bodyBytes = Crypt4ghWriter.bodyLength(received);
        MessageDigest plain = Sha256.newDigest();
        MessageDigest body = Sha256.newDigest();
        Crypt4ghHeader header;
        try (InputStream in = store.openPending(ref)) {
            header = key.readHeader(in);
            if (header.length() != headerBytes) {
                throw new IOException("the pending header of " + objectKey + " is " + header.length() + " bytes, "
                        + headerBytes + " were recorded");
            }
            long read = 0;
            try (InputStream decrypted =
                    Crypt4ghReader.decrypt(header, new DigestInputStream(new Bounded(in, bodyBytes), body))) {
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int n; (n = decrypted.read(buffer)) >= 0; ) {
                    plain.update(buffer, 0, n);
                    read += n;
                }
            }
            if (read != received) {
                throw new IOException("the pending object of " + objectKey + " holds " + read + " plaintext bytes, "
                        + received + " were recorded");
            }
        }
        PayloadStore.PendingObject object = store.resume(objectKey, ref, headerBytes + bodyBytes);
        return new UploadSession(object, header, plain, body, received, now);
    }

    /** Plaintext bytes received so far (the last partial segment may be in memory only). */
    long received() {
        return received;
    }

    /** Plaintext bytes durably in the pending object at the last checkpoint. */
    long durable() {
        return durable;
    }

    /** Identifies this session as the writer of its progress record. */
    String writer() {
        return writer;
    }

    /** The pending object's name in the store. */
    String ref() {
        return object.ref();
    }

    /** Size of the Crypt4GH header. */
    long headerBytes() {
        return headerBytes;
    }

    /** When a request last used the session. */
    Instant lastUsed() {
        return lastUsed;
    }

    /**
     * Encrypts what {@code body} delivers, at most {@code limit} bytes, calling {@code checkpoints} each
     * {@link #CHECKPOINT_BYTES} of plaintext.
     *
     * @return false when the body has more than {@code limit} bytes (reading stopped at the first extra one)
     * @throws BodyReadException the client's body broke off; what arrived before is kept
     */
    boolean append(InputStream body, long limit, Instant now, Checkpoints checkpoints) throws IOException {
        lastUsed = now;
        byte[] buffer = new byte[BUFFER_BYTES];
        long remaining = limit;
        long sinceCheckpoint = 0;
        while (true) {
            int n = read(body, buffer, (int) Math.min(buffer.length, remaining + 1));
            if (n < 0) {
                return true;
            }
            if (n > remaining) {
                return false;
            }
            plaintext.update(buffer, 0, n);
            encrypted.write(buffer, 0, n);
            received += n;
            remaining -= n;
            sinceCheckpoint += n;
            if (sinceCheckpoint >= CHECKPOINT_BYTES) {
                checkpoints.reached();
                sinceCheckpoint = 0;
            }
        }
    }

    /**
     * Makes the whole segments written so far durable (fsync) and returns the plaintext bytes they hold:
     * only those may be recorded as received.
     */
    long checkpoint() throws IOException {
        encrypted.flush(); // segments still being sealed in parallel reach the object first
        object.sync();
        durable = file.count() / Crypt4ghWriter.ENCRYPTED_SEGMENT_BYTES * Crypt4ghWriter.SEGMENT_BYTES;
        return durable;
    }

    /** Ends the encryption (the last segment is written) and says what was received; the object is not yet committed. */
    Received finish() throws IOException {
        encrypted.close();
        return new Received(received, Sha256.hex(plaintext), headerBytes, file.count(), file.sha256());
    }

    /** Makes the staged object durable and visible. */
    void commit() throws IOException {
        object.commit();
    }

    /** Lets go of the pending object, keeping it for another session to continue. */
    void detach() throws IOException {
        object.detach();
    }

    /** Discards the session; an uncommitted, undetached object is removed. */
    @Override
    public void close() throws IOException {
        object.close();
    }

    private static int read(InputStream body, byte[] buffer, int max) {
        try {
            return body.read(buffer, 0, max);
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
    }

    /** The request body could not be read to its end. */
    static final class BodyReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyReadException(IOException cause) {
            super("the request body ended early: " + cause.getMessage(), cause);
        }
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }
    }
}
