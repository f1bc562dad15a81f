package org.sluice.gateway.staging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.events.decision.Outcome;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.s3.S3Server;
import org.sluice.gateway.s3.S3StoreProfile;
import org.sluice.gateway.s3.S3StoreResource;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The gateway on the S3-compatible payload store, selected by configuration only ({@link S3StoreProfile}):
 * a payload of a few parts uploaded in two resumable chunks is staged as one multipart Crypt4GH object,
 * nothing in the bucket holds plaintext at any point, and the partner's package is served from it.
 */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class S3StagingTest {

    private static final int PART = S3PayloadStore.MIN_PART_BYTES;
    /** Two full parts and a tail once encrypted; the first chunk ends inside the second part. */
    private static final int SIZE = 2 * PART + 1_234_567;

    private static final int FIRST_CHUNK = PART + 777_777;
    private static final byte[] MARKER = "##fileformat=VCF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "crypt4gh".getBytes(StandardCharsets.US_ASCII);

    private static S3Client s3;
    private byte[] payload;

    @BeforeAll
    static void client() {
        s3 = S3StoreResource.server().client();
    }

    @AfterAll
    static void closeClient() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        // the VCF fixture over and over: its header line, the marker, recurs every 85 kB
        byte[] vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        payload = new byte[SIZE];
        for (int off = 0; off < SIZE; off += vcf.length) {
            System.arraycopy(vcf, 0, payload, off, Math.min(vcf.length, SIZE - off));
        }
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void aChunkedUploadIsStagedAsAMultipartCrypt4ghObjectAndNoPlaintextRestsInTheBucket() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", payload));
        String pending = S3StoreResource.PREFIX + "pending/";
        String staged = S3StoreResource.PREFIX + "objects/" + StagedPayload.objectKeyOf(id);

        ChunkedUploads.chunk(id, payload, 0, FIRST_CHUNK - 1)
                .then()
                .statusCode(202)
                .header("Upload-Offset", Integer.toString(FIRST_CHUNK));

        List<S3Object> halfway = objects(pending);
        assertThat(halfway)
                .as("a full part and the tail the checkpoint stored after it")
                .extracting(o -> o.key().substring(o.key().lastIndexOf('/') + 1))
                .containsExactly("00000", "00001.tail");
        assertThat(bytes(halfway.get(0).key())).startsWith(MAGIC);
        assertNoPlaintextIn(halfway);
        assertThat(objects(S3StoreResource.PREFIX + "objects/")).isEmpty();

        ChunkedUploads.progress(id).then().body("received", equalTo(FIRST_CHUNK));
        ChunkedUploads.chunk(id, payload, FIRST_CHUNK, SIZE - 1)
                .then()
                .statusCode(200)
                .body("state", equalTo("STAGED"));

        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("STAGED");
        assertThat(objects(pending)).as("the parts went into the object").isEmpty();
        byte[] object = bytes(staged);
        assertThat(object).startsWith(MAGIC);
        assertThat(s3.headObject(b -> b.bucket(S3Server.BUCKET).key(staged)).eTag())
                .as("a multipart object's ETag counts its parts")
                .endsWith("-3\"");
        assertNoPlaintextIn(objects(""));
        Crypt4ghKeyPair gatewayKey =
                Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/gateway-demo.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(new ByteArrayInputStream(object), gatewayKey)) {
            assertThat(plain.readAllBytes()).isEqualTo(payload);
        }

        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        String packageId = GatewayApi.awaitState(UMCU, id, "SEALED").getString("package.packageId");
        byte[] delivered = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Crypt4ghKeyPair charite = Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/p-charite.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(new ByteArrayInputStream(delivered), charite)) {
            assertThat(plain.readAllBytes()).isEqualTo(payload);
        }
        assertNoPlaintextIn(objects(""));
    }

    private static void assertNoPlaintextIn(List<S3Object> objects) {
        for (S3Object o : objects) {
            assertThat(indexOf(bytes(o.key()), MARKER))
                    .as("no plaintext at rest in %s", o.key())
                    .isNegative();
        }
    }

    private static List<S3Object> objects(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET).prefix(prefix)).contents().stream()
                .toList();
    }

    private static byte[] bytes(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(S3Server.BUCKET).key(key)).asByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
