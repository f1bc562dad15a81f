package org.sluice.gateway.staging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;

import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.events.Topic;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class UploadTest {

    private static final Path STORE = Path.of("target", "payload-store");

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] vcf;

    @BeforeEach
    void payload() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void aMatchingPayloadIsStagedEncryptedAndOnlyThenRequested() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));

        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .contentType("application/octet-stream")
                .body(vcf)
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(200)
                .body("state", equalTo("STAGED"))
                .body("sizeBytes", equalTo(vcf.length));

        var published =
                kafka.readUntil(Topic.TRANSFER_REQUESTED.topicName(), r -> id.equals(r.key()), Duration.ofSeconds(30));
        var event = published.get(published.size() - 1).event();
        TransferRequested requested = event.dataAs(TransferRequested.class);
        assertThat(requested.institutionId()).isEqualTo(UMCU);
        assertThat(requested.request().payload().sizeBytes()).isEqualTo(vcf.length);
        assertThat(event.actor().institution()).isEqualTo(UMCU);
        var status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("STAGED");
        assertThat(status.getString("history[1].state")).isEqualTo("STAGED");
        assertThat(status.getString("history[1].eventId")).isEqualTo(event.id());

        byte[] staged = Files.readAllBytes(stagedFile(id));
        assertThat(indexOf(staged, "##fileformat=VCF".getBytes(StandardCharsets.US_ASCII)))
                .as("no plaintext at rest")
                .isNegative();
        Crypt4ghKeyPair gatewayKey =
                Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/gateway-demo.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(Files.newInputStream(stagedFile(id)), gatewayKey)) {
            assertThat(plain.readAllBytes()).isEqualTo(vcf);
        }
    }

    @Test
    void aShorterPayloadIs422AndLeavesNothingBehind() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));

        upload(id, Arrays.copyOf(vcf, vcf.length - 1))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/size-mismatch"))
                .body("detail", equalTo("expected " + vcf.length + " bytes as declared, found " + (vcf.length - 1)));

        assertNothingStaged(id);
        // without a Content-Length the shortfall shows only at the end of the stream
        chunked(id, Arrays.copyOf(vcf, vcf.length - 10))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sluice.example/problems/size-mismatch"));
        assertNothingStaged(id);
        assertPublishedOnceAfterAGoodRetry(id);
    }

    @Test
    void aPayloadWithAnotherDigestIs422NamingBothDigestsAndLeavesNothingBehind() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        byte[] tampered = vcf.clone();
        tampered[40_000] ^= 1;

        upload(id, tampered)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sluice.example/problems/digest-mismatch"))
                .body("detail", containsString(org.sluice.gateway.Sha256.hex(vcf)))
                .body("detail", containsString(org.sluice.gateway.Sha256.hex(tampered)));

        assertNothingStaged(id);
        assertPublishedOnceAfterAGoodRetry(id);
    }

    @Test
    void aLargerPayloadIs413() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        byte[] longer = Arrays.copyOf(vcf, vcf.length + 1);

        upload(id, longer)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://sluice.example/problems/payload-too-large"));
        assertNothingStaged(id);
        chunked(id, longer)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://sluice.example/problems/payload-too-large"));
        assertNothingStaged(id);
    }

    @Test
    void aSecondUploadIs409() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        GatewayApi.upload(UMCU, id, vcf);

        upload(id, vcf).then().statusCode(409).body("type", equalTo("https://sluice.example/problems/already-staged"));
    }

    @Test
    void onlyTheSubmittingInstitutionMayUpload() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));

        given().auth()
                .oauth2(Tokens.submitter("i-lumc"))
                .body(vcf)
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .body(vcf)
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(403);
        assertNothingStaged(id);
    }

    @Test
    void theStoreIsPartOfReadinessAndUploadsAreCounted() {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        GatewayApi.upload(UMCU, id, vcf);

        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'payload-store' }.status", equalTo("UP"));
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("sluice_gateway_uploads_total{outcome=\"staged\"}"))
                .body(containsString("sluice_gateway_upload_bytes_total"));
    }

    private void assertPublishedOnceAfterAGoodRetry(String id) {
        GatewayApi.upload(UMCU, id, vcf);
        var records =
                kafka.readUntil(Topic.TRANSFER_REQUESTED.topicName(), r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> id.equals(r.key()))).hasSize(1);
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("STAGED");
    }

    private static io.restassured.response.Response upload(String id, byte[] body) {
        return given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .contentType("application/octet-stream")
                .body(body)
                .put("/api/v1/transfers/" + id + "/payload");
    }

    /** An upload with no Content-Length (chunked transfer coding). */
    private static io.restassured.response.Response chunked(String id, byte[] body) {
        return given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .contentType("application/octet-stream")
                .body(new java.io.ByteArrayInputStream(body))
                .put("/api/v1/transfers/" + id + "/payload");
    }

    private static void assertNothingStaged(String id) {
        assertThat(stagedFile(id)).doesNotExist();
        try (Stream<Path> pending = Files.list(STORE.resolve("pending"))) {
            List<Path> leftovers =
                    pending.filter(p -> p.getFileName().toString().contains(id)).toList();
            assertThat(leftovers).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("RECEIVED");
    }

    static Path stagedFile(String id) {
        return STORE.resolve("objects/staged/" + id + ".c4gh");
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
