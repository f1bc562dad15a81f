package org.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services run on the newest JDK present, or on the one an operator names. */
class JdksTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(Jdks.PROPERTY);
    }

    @Test
    void versionsAreReadAsTheirMajorNumber() {
        assertThat(Jdks.version("25.0.3")).isEqualTo(25);
        assertThat(Jdks.version("17")).isEqualTo(17);
        assertThat(Jdks.version("21-ea")).isEqualTo(21);
        assertThat(Jdks.version("1.8.0_392")).isEqualTo(8);
        assertThat(Jdks.version("unknown")).isZero();
    }

    @Test
    void aNamedJdkWinsAndItsVersionComesFromItsReleaseFile() throws Exception {
        Path fake = fakeJdk("jdk-99", "99.0.1");
        System.setProperty(Jdks.PROPERTY, fake.toString());

        assertThat(Jdks.forServices().home()).isEqualTo(fake.toAbsolutePath().normalize());
        assertThat(Jdks.forServices().version()).isEqualTo(99);
        assertThat(Jdks.newest(21))
                .hasValueSatisfying(j -> assertThat(j.version()).isEqualTo(99));
    }

    @Test
    void aNamedFolderThatIsNoJdkIsAClearError() {
        System.setProperty(Jdks.PROPERTY, dir.resolve("nothing").toString());

        assertThatThrownBy(Jdks::forServices)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a JDK");
    }

    @Test
    void withoutANameTheNewestFoundIsAtLeastTheRunningOne() {
        Jdks.Jdk chosen = Jdks.forServices();

        assertThat(chosen.version()).isGreaterThanOrEqualTo(Runtime.version().feature());
        assertThat(chosen.java()).isExecutable();
        assertThat(Jdks.newest(1000)).isEmpty();
    }

    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
