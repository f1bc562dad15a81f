package org.sluice.cli.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written under a temporary name in the target's own folder and moved into place only when
 * {@link #commit()} is called: a reader never sees a half-written or unverified file under the target's name.
 * Closing without committing deletes the temporary file, and so does a shutdown of the JVM (Ctrl-C) before that: no
 * unverified plaintext is left behind. The temporary file is readable by its owner only, and the target keeps that
 * mode.
 */
public final class StagedOutput implements Closeable {
    private final Path target;
    private final Path temporary;
    private final boolean replace;
    private final OutputStream stream;
    private final Thread deleteOnShutdown;
    private boolean committed;

    private StagedOutput(Path target, Path temporary, boolean replace) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.replace = replace;
        this.stream = new BufferedOutputStream(Files.newOutputStream(temporary), 64 * 1024);
        this.deleteOnShutdown = new Thread(this::deleteTemporary, "sluice-delete-unverified-output");
        Runtime.getRuntime().addShutdownHook(deleteOnShutdown);
    }

    /**
     * Starts writing {@code target}.
     *
     * @param replace whether an existing target may be replaced
     * @throws FileAlreadyExistsException the target exists and {@code replace} is false
     */
    public static StagedOutput create(Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        requireWritable(absolute, replace);
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
        return new StagedOutput(absolute, temporary, replace);
    }

    /**
     * Refuses a target that exists (unless it may be replaced) or whose folder does not, before any work is done.
     */
    public static void requireWritable(Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + absolute + ": it is a folder; name the file to write");
        }
        if (!replace && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists (use --force to replace it)");
        }
        if (!Files.isDirectory(absolute.getParent())) {
            throw new IOException(
                    "cannot write " + absolute + ": the folder " + absolute.getParent() + " does not exist");
        }
    }

    /** Where to write; flushed and closed by {@link #commit()} or {@link #close()}. */
    public OutputStream stream() {
        return stream;
    }

    /** Closes the stream and moves the file into place under the target's name. */
    public Path commit() throws IOException {
        stream.close();
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "appeared while it was being written");
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        forgetShutdownHook();
        return target;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // the file is deleted next: what could not be flushed does not matter
        }
        forgetShutdownHook();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unverified output " + temporary, e);
        }
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the JVM is going down: nothing else can be done
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnShutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
    }
}
