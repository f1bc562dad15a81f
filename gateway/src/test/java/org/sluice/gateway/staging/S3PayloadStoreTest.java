package org.sluice.gateway.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.s3.S3Server;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 payload store against a real S3-compatible server (S3Mock over HTTP), with the smallest parts S3 allows. */
class S3PayloadStoreTest {

    private static final int PART = S3PayloadStore.MIN_PART_BYTES;
    private static S3Server server;
    private static S3Client client;
    private S3PayloadStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start();
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void empty() {
        for (S3Object o : keys("")) {
            client.deleteObject(b -> b.bucket(S3Server.BUCKET).key(o.key()));
        }
    }

    private S3PayloadStore store() throws Exception {
        store = new S3PayloadStore(server.client(), S3Server.BUCKET, "gw/", PART);
        return store;
    }

    @Test
    void anObjectIsInvisibleUntilCommittedThenReadableFromAnyOffset() throws Exception {
        S3PayloadStore store = store();
        try (PayloadStore.PendingObject object = store.create("staged/tr-1.c4gh")) {
            object.stream().write("hello world".getBytes(StandardCharsets.US_ASCII));
            object.sync();
            assertThat(store.exists("staged/tr-1.c4gh")).isFalse();
            object.commit();
        }

        assertThat(store.size("staged/tr-1.c4gh")).isEqualTo(11);
        try (InputStream in = store.open("staged/tr-1.c4gh", 6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("world");
        }
        try (InputStream in = store.open("staged/tr-1.c4gh", 11)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(keys("gw/pending/")).isEmpty();
        assertThat(store.delete("staged/tr-1.c4gh")).isTrue();
        assertThat(store.delete("staged/tr-1.c4gh")).isFalse();
        assertThatThrownBy(() -> store.size("staged/tr-1.c4gh")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aLargeObjectIsAssembledFromPartsByAMultipartUploadAndReadBackExactly() throws Exception {
        S3PayloadStore store = store();
        byte[] bytes = random(2 * PART + 123_456, 1);
        try (PayloadStore.PendingObject object = store.create("staged/tr-big.c4gh")) {
            for (int off = 0; off < bytes.length; off += 100_000) {
                object.stream().write(bytes, off, Math.min(100_000, bytes.length - off));
            }
            assertThat(keys("gw/pending/"))
                    .as("full parts go to the store as they fill")
                    .hasSize(2);
            assertThat(keys("gw/objects/")).isEmpty();
            object.commit();
        }

        assertThat(store.size("staged/tr-big.c4gh")).isEqualTo(bytes.length);
        try (InputStream in = store.open("staged/tr-big.c4gh", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.open("staged/tr-big.c4gh", PART - 10)) {
            assertThat(in.readNBytes(20)).isEqualTo(java.util.Arrays.copyOfRange(bytes, PART - 10, PART + 10));
        }
        var head = client.headObject(b -> b.bucket(S3Server.BUCKET).key("gw/objects/staged/tr-big.c4gh"));
        assertThat(head.eTag()).as("a multipart object's ETag counts its parts").endsWith("-3\"");
        assertThat(keys("gw/pending/")).isEmpty();
    }

    @Test
    void anAbandonedWriteLeavesNothingAndKeepsTheEarlierObject() throws Exception {
        S3PayloadStore store = store();
        try (PayloadStore.PendingObject object = store.create("a")) {
            object.stream().write(1);
            object.commit();
        }
        try (PayloadStore.PendingObject object = store.create("a")) {
            object.stream().write(new byte[PART + 1000]);
            object.sync();
        }

        assertThat(store.size("a")).isEqualTo(1);
        assertThat(keys("gw/pending/")).isEmpty();
    }

    @Test
    void aDetachedPendingObjectIsContinuedFromAGivenLengthByAnotherWriter() throws Exception {
        String ref;
        try (PayloadStore.PendingObject object = store().create("staged/tr-2.c4gh")) {
            object.stream().write("hello wor-garbage".getBytes(StandardCharsets.US_ASCII));
            object.sync();
            ref = object.ref();
            object.detach();
        }
        S3PayloadStore other = store(); // another replica, or this one after a restart
        try (InputStream in = other.openPending(ref)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello wor-garbage");
        }
        assertThat(other.exists("staged/tr-2.c4gh")).isFalse();

        try (PayloadStore.PendingObject object = other.resume("staged/tr-2.c4gh", ref, 9)) {
            object.stream().write("ld".getBytes(StandardCharsets.US_ASCII));
            object.commit();
        }

        try (InputStream in = other.open("staged/tr-2.c4gh", 0)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        }
        assertThat(keys("gw/pending/")).isEmpty();
        assertThatThrownBy(() -> other.resume("staged/tr-2.c4gh", ref, 0)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> other.openPending(ref)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> other.openPending("../objects/staged/tr-2.c4gh"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResumeCutsInsideAStoredPartAndTheObjectHoldsExactlyWhatWasKeptThenAppended() throws Exception {
        byte[] first = random(3 * PART + 777, 2);
        String ref;
        try (PayloadStore.PendingObject object = store().create("staged/tr-3.c4gh")) {
            object.stream().write(first);
            object.sync();
            ref = object.ref();
            object.detach();
        }
        int keep = PART + 4_096; // inside the second stored part
        byte[] rest = random(PART / 2, 3);

        S3PayloadStore other = store();
        try (PayloadStore.PendingObject object = other.resume("staged/tr-3.c4gh", ref, keep)) {
            assertThat(other.openPending(ref).readAllBytes())
                    .as("the cut is durable at once")
                    .isEqualTo(java.util.Arrays.copyOf(first, keep));
            object.stream().write(rest);
            object.sync();
            assertThat(other.openPending(ref).readAllBytes()).hasSize(keep + rest.length);
            object.commit();
        }

        byte[] expected = new byte[keep + rest.length];
        System.arraycopy(first, 0, expected, 0, keep);
        System.arraycopy(rest, 0, expected, keep, rest.length);
        try (InputStream in = other.open("staged/tr-3.c4gh", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> other.resume("staged/tr-4.c4gh", ref, 0)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aPendingObjectCannotBeResumedBeyondWhatItDurablyHolds() throws Exception {
        String ref;
        try (PayloadStore.PendingObject object = store().create("staged/tr-5.c4gh")) {
            object.stream().write(new byte[100]);
            object.sync();
            object.stream().write(new byte[50]); // never synced: not in the store
            ref = object.ref();
            object.detach();
        }

        assertThatThrownBy(() -> store().resume("staged/tr-5.c4gh", ref, 150))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("has 100 bytes, not 150");
    }

    @Test
    void oldUnclaimedPendingObjectsAndInterruptedCommitsAreDiscarded() throws Exception {
        S3PayloadStore store = store();
        PayloadStore.PendingObject claimed = store.create("staged/tr-6.c4gh");
        claimed.stream().write(new byte[10]);
        claimed.sync();
        claimed.detach();
        PayloadStore.PendingObject abandoned = store.create("staged/tr-7.c4gh");
        abandoned.stream().write(new byte[PART + 10]);
        abandoned.sync();
        abandoned.detach();
        client.createMultipartUpload(b -> b.bucket(S3Server.BUCKET).key("gw/objects/staged/tr-8.c4gh"));

        store.discardPending(Instant.now().plusSeconds(60), ref -> ref.equals(claimed.ref()));

        assertThat(keys("gw/pending/"))
                .extracting(S3Object::key)
                .allMatch(k -> k.startsWith("gw/pending/" + claimed.ref() + "/"))
                .isNotEmpty();
        assertThat(client.listMultipartUploads(b -> b.bucket(S3Server.BUCKET)).uploads())
                .isEmpty();
    }

    @Test
    void keysCannotLeaveTheStoreAndAMissingBucketStopsTheStore() throws Exception {
        S3PayloadStore store = store();

        assertThatThrownBy(() -> store.open("../../etc/passwd", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("/abs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a/../b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3PayloadStore(client, "no-such-bucket", "", PART))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no-such-bucket");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static List<S3Object> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET).prefix(prefix)).contents().stream()
                .toList();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
