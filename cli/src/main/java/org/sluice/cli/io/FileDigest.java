package org.sluice.cli.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.sluice.cli.console.Progress;

/**
 * The size and SHA-256 of a file, as a payload declaration and an acknowledgement state them.
 *
 * @param sizeBytes bytes read
 * @param sha256 lower-case hex SHA-256 of those bytes
 */
public record FileDigest(long sizeBytes, String sha256) {

    /** Reads the whole file once, reporting progress. */
    public static FileDigest of(Path file, Progress.Factory progress) throws IOException {
        MessageDigest digest = Sha256.digest();
        long size;
        try (Progress bar = progress.start("sha256 " + file.getFileName(), Files.size(file), 0);
                InputStream in = new DigestInputStream(
                        new ProgressInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), bar),
                        digest)) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new FileDigest(size, Sha256.hex(digest));
    }
}
