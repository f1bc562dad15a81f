package org.sluice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone with nothing beside it passes its tests: no file of the project reaches outside the checkout
 * for fixtures or design files, and the fixtures the tests resolve are the project's own.
 */
class SelfContainedTest {

    /** Folders that are build output or local state, not the project's files. */
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", ".sluice", "node_modules");

    private static final String SIBLING = ".." + "/shared";

    private final Path root = Fixtures.root().getParent();

    @Test
    void fixturesAreTheProjectsOwnFolder() {
        assertThat(Fixtures.root()).isEqualTo(root.resolve(Fixtures.FOLDER));
        assertThat(Fixtures.path("world/partners.yaml")).isRegularFile();
        assertThat(Fixtures.path("scenarios/policy-scenarios.yaml")).isRegularFile();
        assertThat(Fixtures.path("crypt4gh/plaintext-70000.txt.p-charite.c4gh")).isRegularFile();
        assertThat(Fixtures.path("screening/match-cases.csv")).isRegularFile();
    }

    @Test
    void noFileNamesAFolderBesideTheCheckout() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(Files::isRegularFile).filter(this::isSource).toList()) {
                String text = text(file);
                if (text != null && (text.contains(SIBLING) || pointsFixturesOutside(text))) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(offenders)
                .as("files that read fixtures or design files from outside the checkout")
                .isEmpty();
    }

    private boolean isSource(Path file) {
        for (Path part : root.relativize(file)) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** A build or script that sets {@code sluice.fixtures} to anything but the project's folder. */
    private static boolean pointsFixturesOutside(String text) {
        String open = "<" + "sluice.fixtures>";
        String close = "</" + "sluice.fixtures>";
        Set<String> allowed = Set.of("${sluice.fixtures}", "${maven.multiModuleProjectDirectory}/" + Fixtures.FOLDER);
        for (int at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + open.length())) {
            int end = text.indexOf(close, at);
            if (end < 0
                    || !allowed.contains(text.substring(at + open.length(), end).trim())) {
                return true;
            }
        }
        return false;
    }

    /** The file as UTF-8 text, or null for binary files. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
