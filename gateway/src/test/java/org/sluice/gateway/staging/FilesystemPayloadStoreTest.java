package org.sluice.gateway.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemPayloadStoreTest {

    @TempDir
    Path root;

    @Test
    void anObjectIsInvisibleUntilCommittedThenReadableFromAnyOffset() throws Exception {
        FilesystemPayloadStore store = new FilesystemPayloadStore(root);
        try (PayloadStore.PendingObject object = store.create("staged/tr-1.c4gh")) {
            object.stream().write("hello world".getBytes(StandardCharsets.US_ASCII));
            assertThat(store.exists("staged/tr-1.c4gh")).isFalse();
            object.commit();
        }

        assertThat(store.size("staged/tr-1.c4gh")).isEqualTo(11);
        try (InputStream in = store.open("staged/tr-1.c4gh", 6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("world");
        }
        assertThat(Files.list(root.resolve("pending"))).isEmpty();
        assertThat(store.delete("staged/tr-1.c4gh")).isTrue();
        assertThat(store.delete("staged/tr-1.c4gh")).isFalse();
    }

    @Test
    void anAbandonedWriteLeavesNothingAndKeepsTheEarlierObject() throws Exception {
        FilesystemPayloadStore store = new FilesystemPayloadStore(root);
        try (PayloadStore.PendingObject object = store.create("a")) {
            object.stream().write(1);
            object.commit();
        }
        try (PayloadStore.PendingObject object = store.create("a")) {
            object.stream().write(new byte[1000]);
        }

        assertThat(store.size("a")).isEqualTo(1);
        assertThat(Files.list(root.resolve("pending"))).isEmpty();
    }

    @Test
    void keysCannotLeaveTheStore() throws Exception {
        FilesystemPayloadStore store = new FilesystemPayloadStore(root);

        assertThatThrownBy(() -> store.open("../../etc/passwd", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("/abs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }
}
