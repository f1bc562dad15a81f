package org.sluice.gateway.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;
import static org.sluice.gateway.staging.ChunkedUploads.decryptStaged;
import static org.sluice.gateway.staging.ChunkedUploads.progress;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.MutableClock;

/**
 * Chunked uploads are recorded in the database with what is durably in their pending object, so a replica
 * that did not write the previous chunks (another one, or this one after a restart) continues them:
 * here another replica is what the database says (another writer, a held lock), the rebuild is real.
 */
@QuarkusTest
class DurableUploadTest {

    private static final int SEGMENT = Crypt4ghWriter.SEGMENT_BYTES;
    private static final Path PENDING = Path.of("target", "payload-store", "pending");

    @Inject
    DataSource dataSource;

    @Inject
    UploadRecords records;

    @Inject
    UploadSessions sessions;

    private byte[] payload;

    @BeforeEach
    void setUp() {
        payload = new byte[300_000];
        new Random(6).nextBytes(payload);
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void anotherReplicaContinuesFromTheWholeSegmentsThatAreDurable() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        chunk(id, 0, 199_999).then().statusCode(202).body("received", equalTo(200_000));
        assertThat(recordedBytes(id)).contains(3L * SEGMENT);

        anotherReplicaWroteLast(id);
        progress(id)
                .then()
                .statusCode(200)
                .body("received", equalTo(3 * SEGMENT))
                .header("Upload-Offset", Integer.toString(3 * SEGMENT));
        chunk(id, 200_000, payload.length - 1)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://sluice.example/problems/upload-offset-mismatch"))
                .header("Upload-Offset", Integer.toString(3 * SEGMENT));
        chunk(id, 3 * SEGMENT, payload.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));

        assertThat(decryptStaged(id)).isEqualTo(payload);
        assertThat(Files.size(UploadTest.stagedFile(id))).isEqualTo(124 + Crypt4ghWriter.bodyLength(payload.length));
        assertThat(recordedBytes(id)).isEmpty();
    }

    @Test
    void segmentsTheRecordDoesNotClaimAreCutOffAndSentAgain() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        chunk(id, 0, 250_000).then().statusCode(202);
        // as if the replica died after writing segments but before recording them
        sql(
                "UPDATE uploads_in_progress SET received_bytes = ?, writer = 'another-replica' WHERE transfer_id = ?",
                SEGMENT,
                id);

        progress(id).then().statusCode(200).body("received", equalTo(SEGMENT));
        chunk(id, SEGMENT, payload.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));

        assertThat(decryptStaged(id)).isEqualTo(payload);
        assertThat(Files.size(UploadTest.stagedFile(id))).isEqualTo(124 + Crypt4ghWriter.bodyLength(payload.length));
    }

    @Test
    void anUploadWhosePendingObjectIsGoneStartsAgainFromZero() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        chunk(id, 0, 99_999).then().statusCode(202);
        anotherReplicaWroteLast(id);
        for (Path file : pendingOf(id)) {
            Files.delete(file);
        }

        progress(id).then().statusCode(200).body("received", equalTo(0));
        assertThat(recordedBytes(id)).isEmpty();
        chunk(id, 0, payload.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));
        assertThat(decryptStaged(id)).isEqualTo(payload);
    }

    @Test
    void whileARequestOnAnyReplicaWritesTheUploadOthersAre409() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        chunk(id, 0, 99_999).then().statusCode(202);

        progress(id).then().statusCode(200).body("received", equalTo(100_000));

        // another replica takes the upload over (it rebuilt it, so it is the writer) and is writing
        try (UploadRecords.Lock otherReplica = records.tryLock(id).orElseThrow()) {
            anotherReplicaWroteLast(id);
            chunk(id, 100_000, payload.length - 1)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://sluice.example/problems/upload-in-progress"));
            progress(id).then().statusCode(200).body("received", equalTo(SEGMENT));
        }
        chunk(id, SEGMENT, payload.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));
        assertThat(decryptStaged(id)).isEqualTo(payload);
    }

    @Test
    void anIdleUploadIsDiscardedWithItsPendingObject() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        QuarkusMock.installMockForType(clock, Clock.class);
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        chunk(id, 0, 99_999).then().statusCode(202);
        assertThat(pendingOf(id)).hasSize(1);

        clock.advance(Duration.ofMinutes(59));
        sessions.discardIdle();
        assertThat(recordedBytes(id)).contains((long) SEGMENT);

        clock.advance(Duration.ofMinutes(2));
        sessions.discardIdle();
        assertThat(recordedBytes(id)).isEmpty();
        assertThat(pendingOf(id)).isEmpty();
        progress(id).then().statusCode(200).body("received", equalTo(0));
    }

    /** What a replica that wrote the upload since would leave: another writer in the record. */
    private void anotherReplicaWroteLast(String id) throws Exception {
        sql("UPDATE uploads_in_progress SET writer = 'another-replica' WHERE transfer_id = ?", id);
    }

    private Optional<Long> recordedBytes(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT received_bytes FROM uploads_in_progress WHERE transfer_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<Path> pendingOf(String id) throws Exception {
        try (Stream<Path> files = Files.list(PENDING)) {
            return files.filter(p -> p.getFileName().toString().contains(id)).toList();
        }
    }

    private Response chunk(String id, int first, int last) {
        return ChunkedUploads.chunk(id, payload, first, last);
    }
}
