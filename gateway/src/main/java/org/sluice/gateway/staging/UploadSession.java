package org.sluice.gateway.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.sluice.gateway.Sha256;

/**
 * One payload being received, possibly over several requests: the pending store object, the Crypt4GH
 * encryptor writing into it, and the running plaintext digest. It holds one segment of plaintext in
 * memory at most (inside the encryptor), never on disk; discarding it leaves nothing in the store.
 */
final class UploadSession implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;

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
    private final MessageDigest plaintext = Sha256.newDigest();
    private final long headerBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private long received;
    private volatile Instant lastUsed;

    private UploadSession(PayloadStore.PendingObject object, StagingKey key, Instant now) throws IOException {
        this.object = object;
        this.file = new DigestingOutputStream(object.stream());
        this.encrypted = key.encrypt(file);
        this.headerBytes = file.count();
        this.file.startDigest();
        this.lastUsed = now;
    }

    /** Starts a session writing the staged object of a transfer. */
    static UploadSession open(PayloadStore store, String objectKey, StagingKey key, Instant now) throws IOException {
        PayloadStore.PendingObject object = store.create(objectKey);
        try {
            return new UploadSession(object, key, now);
        } catch (IOException | RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** Plaintext bytes received so far. */
    long received() {
        return received;
    }

    /** When a request last used the session. */
    Instant lastUsed() {
        return lastUsed;
    }

    /** The lock a request holds while it appends. */
    ReentrantLock lock() {
        return lock;
    }

    /**
     * Encrypts what {@code body} delivers, at most {@code limit} bytes.
     *
     * @return false when the body has more than {@code limit} bytes (reading stopped at the first extra one)
     * @throws BodyReadException the client's body broke off; what arrived before is kept
     */
    boolean append(InputStream body, long limit, Instant now) throws IOException {
        lastUsed = now;
        byte[] buffer = new byte[BUFFER_BYTES];
        long remaining = limit;
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
        }
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

    /** Discards the session; an uncommitted object is removed. */
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
}
