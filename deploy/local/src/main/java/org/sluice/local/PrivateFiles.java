package org.sluice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only their owner may read: the stack's keys and tokens (0600, in folders of 0700). */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates the folder (and its parents) if needed and makes it the owner's alone. */
    static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_RWX);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes the text with mode 0600: the file is never readable by others, not even for a moment. */
    static void write(Path file, String text) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
            }
            Files.setPosixFilePermissions(file, OWNER_RW);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file's text, or null when it does not exist. */
    static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
