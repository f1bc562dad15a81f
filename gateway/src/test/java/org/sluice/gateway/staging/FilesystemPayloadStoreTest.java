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
    void aDetachedPendingObjectIsContinuedFromAGivenLengthByAnotherWriter() throws Exception {
        FilesystemPayloadStore store = new FilesystemPayloadStore(root);
        String ref;
        try (PayloadStore.PendingObject object = store.create("staged/tr-2.c4gh")) {
            object.stream().write("hello wor-garbage".getBytes(StandardCharsets.US_ASCII));
            object.sync();
            ref = object.ref();
            object.detach();
        }
        try (InputStream in = store.openPending(ref)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello wor-garbage");
        }
        assertThat(store.exists("staged/tr-2.c4gh")).isFalse();

        try (PayloadStore.PendingObject object = store.resume("staged/tr-2.c4gh", ref, 9)) {
            object.stream().write("ld".getBytes(StandardCharsets.US_ASCII));
            object.commit();
        }

        try (InputStream in = store.open("staged/tr-2.c4gh", 0)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        }
        assertThat(Files.list(root.resolve("pending"))).isEmpty();
        assertThatThrownBy(() -> store.resume("staged/tr-2.c4gh", ref, 0))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> store.openPending("../objects/staged/tr-2.c4gh"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysCannotLeaveTheStore() throws Exception {
        FilesystemPayloadStore store = new FilesystemPayloadStore(root);

        assertThatThrownBy(() -> store.open("../../etc/passwd", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("/abs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }
}
