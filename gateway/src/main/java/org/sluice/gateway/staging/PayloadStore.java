package org.sluice.gateway.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where encrypted payloads rest. Objects are written whole and become visible atomically: a reader never
 * sees half an object, and a write that is abandoned leaves nothing behind. Keys are relative paths of
 * lower-case letters, digits, {@code .}, {@code -} and {@code /}.
 */
public interface PayloadStore {

    /** Starts writing an object; it replaces any object under the key only when committed. */
    PendingObject create(String key) throws IOException;

    /** Reads an object from a byte offset. */
    InputStream open(String key, long offset) throws IOException;

    /** Size of an object in bytes. */
    long size(String key) throws IOException;

    /** Whether an object exists under the key. */
    boolean exists(String key);

    /** Removes an object; false when there was none. */
    boolean delete(String key) throws IOException;

    /**
     * Removes pending objects last written before {@code cutoff} that {@code inUse} does not claim (by
     * {@link PendingObject#ref()}): writes abandoned by a crash before anything recorded them.
     */
    void discardPending(java.time.Instant cutoff, java.util.function.Predicate<String> inUse) throws IOException;

    /**
     * Reopens a pending object left by an earlier writer (this process or another, before or after a
     * restart) to continue it: the object is cut to {@code length} bytes and the stream appends there.
     *
     * @throws java.nio.file.NoSuchFileException the pending object is gone (discarded or committed)
     */
    PendingObject resume(String key, String ref, long length) throws IOException;

    /** Reads a pending object from its start. */
    InputStream openPending(String ref) throws IOException;

    /** Removes a pending object; false when there was none. */
    boolean deletePending(String ref) throws IOException;

    /** An object being written. Closing it without committing discards what was written. */
    interface PendingObject extends Closeable {

        /** Where the object's bytes go. */
        OutputStream stream();

        /** Names the pending object for {@link PayloadStore#resume} and {@link PayloadStore#openPending}. */
        String ref();

        /** Makes the bytes written so far durable (fsync); the object stays pending and invisible. */
        void sync() throws IOException;

        /** Lets go of the object without committing or discarding it: a later {@code resume} continues it. */
        void detach() throws IOException;

        /** Makes the object durable and visible under its key, replacing any earlier one. */
        void commit() throws IOException;

        /** Discards the object unless it was committed. */
        @Override
        void close() throws IOException;
    }
}
