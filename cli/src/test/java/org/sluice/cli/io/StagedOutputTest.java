package org.sluice.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {
    @TempDir
    Path dir;

    @Test
    void theTargetAppearsOnlyOnCommitReadableByItsOwnerOnly() throws IOException {
        Path target = dir.resolve("out.vcf");
        try (StagedOutput output = StagedOutput.create(target, false)) {
            output.stream().write(new byte[] {1, 2, 3});
            assertThat(target).doesNotExist();
            output.commit();
        }
        assertThat(target).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(dir).isDirectoryContaining(p -> p.equals(target)).isDirectoryNotContaining(p -> !p.equals(target));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        try (StagedOutput output = StagedOutput.create(dir.resolve("out.vcf"), false)) {
            output.stream().write(new byte[100_000]);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingTargetIsKeptUnlessReplacing() throws IOException {
        Path target = Files.writeString(dir.resolve("out.vcf"), "mine");

        assertThatThrownBy(() -> StagedOutput.create(target, false)).isInstanceOf(FileAlreadyExistsException.class);
        try (StagedOutput output = StagedOutput.create(target, true)) {
            output.stream().write('x');
            output.commit();
        }
        assertThat(target).hasContent("x");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> StagedOutput.requireWritable(dir.resolve("no/such/out.vcf"), false))
                .hasMessageEndingWith("the folder " + dir.resolve("no/such") + " does not exist");
    }
}
