package org.sluice.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's fixtures: the {@code fixtures/} folder at the root of the checkout, the one place for the
 * demo world, keys, Crypt4GH vectors, screening list, scenarios and sample data. The build passes its
 * location as the system property {@code sluice.fixtures}; without it, it is looked for in the nearest
 * folder above the working directory that holds both {@code pom.xml} and {@code fixtures/}.
 */
public final class Fixtures {

    /** The folder's name at the project root. */
    public static final String FOLDER = "fixtures";

    private Fixtures() {}

    /** The fixtures folder. */
    public static Path root() {
        String configured = System.getProperty("sluice.fixtures");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the project's " + FOLDER + "/ folder was not found above "
                + Path.of("").toAbsolutePath() + "; run from inside the checkout or set -Dsluice.fixtures=<path>");
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
