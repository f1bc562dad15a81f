package org.sluice.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDKs on this machine, to run services on the newest one: the code is compiled for Java 17, but newer
 * runtimes seal several times faster (ChaCha20-Poly1305 intrinsics from JDK 20 on). A JDK named by system
 * property {@value #PROPERTY} or environment variable {@value #ENVIRONMENT} wins; otherwise the newest of
 * this JVM, {@code JAVA_HOME} and the JDKs under {@code /usr/lib/jvm}.
 */
public final class Jdks {

    /** System property naming the JDK services run on. */
    public static final String PROPERTY = "sluice.java.home";
    /** Environment variable naming the JDK services run on (as {@code cli/sluice} reads it too). */
    public static final String ENVIRONMENT = "SLUICE_JAVA_HOME";

    private static final Path DEFAULT_FOLDER = Path.of("/usr/lib/jvm");

    private Jdks() {}

    /** A JDK: its home folder and major version. */
    public record Jdk(Path home, int version) {
        /** Its {@code bin/java}. */
        public Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    /** The JDK services run on: the one named, else the newest found (this JVM's at least). */
    public static Jdk forServices() {
        return named().orElseGet(() -> newest(17).orElseGet(Jdks::current));
    }

    /** The newest JDK of at least {@code minimum} found, the one named first if it is recent enough. */
    public static Optional<Jdk> newest(int minimum) {
        Optional<Jdk> named = named().filter(j -> j.version() >= minimum);
        if (named.isPresent()) {
            return named;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .ifPresent(candidates::add);
        if (Files.isDirectory(DEFAULT_FOLDER)) {
            try (Stream<Path> jdks = Files.list(DEFAULT_FOLDER)) {
                jdks.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .map(Jdks::describe)
                .flatMap(Optional::stream)
                .filter(j -> j.version() >= minimum)
                .max(Comparator.comparingInt(Jdk::version));
    }

    private static Optional<Jdk> named() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(ENVIRONMENT);
        }
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Path home = Path.of(named);
        return Optional.of(describe(home)
                .orElseThrow(() -> new IllegalStateException(
                        PROPERTY + " / " + ENVIRONMENT + " names " + home + ", which is not a JDK (no bin/java)")));
    }

    private static Jdk current() {
        return new Jdk(
                Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** A JDK at {@code home}, its version from its {@code release} file ({@code JAVA_VERSION="25.0.3"}). */
    static Optional<Jdk> describe(Path home) {
        Path normal = home.toAbsolutePath().normalize();
        if (!Files.isExecutable(normal.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return Optional.of(new Jdk(normal, majorVersion(normal.resolve("release"))));
    }

    private static int majorVersion(Path release) {
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(release, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION="))
                    .findFirst()
                    .map(l -> version(l.substring("JAVA_VERSION=".length()).replace("\"", "")))
                    .orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The major version of a version string: {@code 25.0.3} is 25, {@code 1.8.0_392} is 8. */
    static int version(String text) {
        String v = text.startsWith("1.") ? text.substring(2) : text;
        String major = v.split("[._+-]")[0];
        return !major.isEmpty() && major.chars().allMatch(Character::isDigit) ? Integer.parseInt(major) : 0;
    }
}
