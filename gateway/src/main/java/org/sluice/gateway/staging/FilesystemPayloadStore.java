package org.sluice.gateway.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The default payload store: a directory. Objects live under {@code objects/}; pending writes under
 * {@code pending/} on the same filesystem, renamed into place atomically after an fsync.
 */
public final class FilesystemPayloadStore implements PayloadStore {

    private final Path objects;
    private final Path pending;

    public FilesystemPayloadStore(Path root) throws IOException {
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.pending = Files.createDirectories(root.resolve("pending"));
    }

    @Override
    public PendingObject create(String key) throws IOException {
        Path target = path(key);
        Path temp = pending.resolve(StoreKeys.newRef(key));
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FilePendingObject(target, temp, channel);
    }

    @Override
    public PendingObject resume(String key, String ref, long length) throws IOException {
        Path target = path(key);
        Path temp = pendingPath(ref);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        try {
            if (channel.size() < length) {
                throw new IOException("pending object " + ref + " has " + channel.size() + " bytes, not " + length);
            }
            channel.truncate(length);
            channel.position(length);
            return new FilePendingObject(target, temp, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public InputStream openPending(String ref) throws IOException {
        return Files.newInputStream(pendingPath(ref));
    }

    @Override
    public boolean deletePending(String ref) throws IOException {
        return Files.deleteIfExists(pendingPath(ref));
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public void discardPending(java.time.Instant cutoff, java.util.function.Predicate<String> inUse)
            throws IOException {
        try (var files = Files.list(pending)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                        && !inUse.test(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The file of a key, refusing keys that could leave the store's directory. */
    private Path path(String key) {
        return objects.resolve(StoreKeys.checkKey(key));
    }

    /** The file of a pending object, refusing refs that could leave the pending directory. */
    private Path pendingPath(String ref) {
        return pending.resolve(StoreKeys.checkRef(ref));
    }

    private static final class FilePendingObject implements PendingObject {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean committed;
        private boolean detached;

        FilePendingObject(Path target, Path temp, FileChannel channel) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.stream = Channels.newOutputStream(channel);
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public String ref() {
            return temp.getFileName().toString();
        }

        @Override
        public void sync() throws IOException {
            channel.force(true);
        }

        @Override
        public void detach() throws IOException {
            detached = true;
            channel.close();
        }

        @Override
        public void commit() throws IOException {
            if (channel.isOpen()) {
                channel.force(true);
                channel.close();
            } else {
                try (FileChannel reopened = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    reopened.force(true);
                }
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the store's pending and object folders must share one filesystem", e);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (!committed && !detached) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
