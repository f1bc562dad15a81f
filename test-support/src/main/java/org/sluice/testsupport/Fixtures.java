package org.sluice.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared fixtures ({@code ../shared/fixtures} beside the project). Read, never copied: the build
 * passes their location as the system property {@code sluice.fixtures}; without it they are looked for
 * beside the nearest folder above the working directory that has them.
 */
public final class Fixtures {

    private Fixtures() {}

    /** The fixtures folder. */
    public static Path root() {
        String configured = System.getProperty("sluice.fixtures");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/fixtures").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared fixtures not found: set -Dsluice.fixtures=<path>");
    }

    /** A file or folder under the fixtures, e.g. {@code world/partners.yaml}. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no fixture " + p);
        }
        return p;
    }
}
