package org.sluice.gateway.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.PackageFetched;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.Sha256;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class PartnerDeliveryTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] payload;
    private String transferId;
    private String packageId;
    private long packageBytes;

    @BeforeEach
    void sealedPackage() throws Exception {
        payload = Files.readAllBytes(Fixtures.path("data/synthetic-reads.fastq"));
        GatewayApi.registerPartner("p-charite", "DE");
        GatewayApi.registerPartner("p-broad", "US");
        transferId = GatewayApi.staged("p-charite", "DE", payload);
        GatewayApi.decide(transferId, "p-charite", "DE", Outcome.APPROVE);
        var status = GatewayApi.awaitState(UMCU, transferId, "SEALED");
        packageId = status.getString("package.packageId");
        packageBytes = status.getLong("package.sizeBytes");
    }

    @Test
    void aDownloadInRangesResumesToTheSameBytesAndOnlyTheFullOneMarksItFetched() throws Exception {
        long cut = 70_000;
        byte[] first = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .header("Range", "bytes=0-" + (cut - 1))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 0-" + (cut - 1) + "/" + packageBytes)
                .header("Accept-Ranges", "bytes")
                .extract()
                .asByteArray();
        assertThat(GatewayApi.transfer(UMCU, transferId).getString("state")).isEqualTo("SEALED");
        String etag = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .head("/api/v1/partner/packages/" + packageId)
                .header("ETag");
        byte[] rest = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .header("Range", "bytes=" + cut + "-")
                .header("If-Range", etag)
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes " + cut + "-" + (packageBytes - 1) + "/" + packageBytes)
                .extract()
                .asByteArray();

        byte[] whole = concat(first, rest);
        Crypt4ghKeyPair charite = Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/p-charite.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(new ByteArrayInputStream(whole), charite)) {
            assertThat(plain.readAllBytes()).isEqualTo(payload);
        }
        GatewayApi.awaitState(UMCU, transferId, "FETCHED");
        var fetches = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof PackageFetched f && f.complete(),
                Duration.ofSeconds(30));
        var served = fetches.stream()
                .filter(r -> transferId.equals(r.key()) && r.event().data() instanceof PackageFetched)
                .map(r -> r.event().dataAs(PackageFetched.class))
                .toList();
        assertThat(served).extracting(PackageFetched::firstByte).containsExactly(0L, cut);
        assertThat(served).extracting(PackageFetched::bytesServed).containsExactly(cut, packageBytes - cut);
        assertThat(served).extracting(PackageFetched::complete).containsExactly(false, true);
    }

    @Test
    void suffixAndUnsatisfiableRanges() {
        byte[] tail = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .header("Range", "bytes=-100")
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(206)
                .extract()
                .asByteArray();
        assertThat(tail).hasSize(100);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .header("Range", "bytes=" + packageBytes + "-")
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + packageBytes)
                .contentType("application/problem+json");
        // a range for an older representation is ignored: the whole package comes back
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .header("Range", "bytes=10-20")
                .header("If-Range", "\"something-else\"")
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(packageBytes));
    }

    @Test
    void anotherPartnersPackageDoesNotExistAndTheAttemptIsPublished() {
        given().auth()
                .oauth2(Tokens.partner("p-broad"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("p-broad"))
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("p-broad"))
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(200)
                .body("findAll { it.packageId == '" + packageId + "' }.size()", equalTo(0));

        var records = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof PackageAccessDenied,
                Duration.ofSeconds(30));
        PackageAccessDenied denied = records.get(records.size() - 1).event().dataAs(PackageAccessDenied.class);
        assertThat(denied.addresseePartnerId()).isEqualTo("p-charite");
        assertThat(denied.requestingPartnerId()).isEqualTo("p-broad");
        assertThat(records.get(records.size() - 1).event().actor().partner()).isEqualTo("p-broad");
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(403);
    }

    @Test
    void theAcknowledgementCarriesWhetherThePartnersDigestMatches() {
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body("{\"sha256\": \"" + Sha256.hex(payload) + "\"}")
                .post("/api/v1/partner/packages/" + packageId + "/ack")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://sluice.example/problems/not-fetched"));
        download();
        GatewayApi.awaitState(UMCU, transferId, "FETCHED");

        String wrong = "0".repeat(64);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body("{\"sha256\": \"" + wrong + "\"}")
                .post("/api/v1/partner/packages/" + packageId + "/ack")
                .then()
                .statusCode(200)
                .body("digestMatches", equalTo(false))
                .body("reportedSha256", equalTo(wrong))
                .body("detail", containsString("does not match"))
                .body("$", not(hasKey("expectedSha256")))
                // the answer never reveals the digest the gateway expected, in any case or member
                .body(not(containsStringIgnoringCase(Sha256.hex(payload))));
        assertThat(GatewayApi.transfer(UMCU, transferId).getString("state")).isEqualTo("FETCHED");
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body("{\"sha256\": \"" + Sha256.hex(payload).toUpperCase(java.util.Locale.ROOT) + "\"}")
                .post("/api/v1/partner/packages/" + packageId + "/ack")
                .then()
                .statusCode(200)
                .body("digestMatches", equalTo(true));

        GatewayApi.awaitState(UMCU, transferId, "ACKNOWLEDGED");
        var acks = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> transferId.equals(r.key())
                        && r.event().data() instanceof PackageAcknowledged a
                        && a.digestMatches(),
                Duration.ofSeconds(30));
        assertThat(acks.stream()
                        .filter(r -> transferId.equals(r.key()) && r.event().data() instanceof PackageAcknowledged)
                        .map(r -> r.event().dataAs(PackageAcknowledged.class).digestMatches()))
                .containsExactly(false, true);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .contentType("application/json")
                .body("{\"sha256\": \"not-a-digest\"}")
                .post("/api/v1/partner/packages/" + packageId + "/ack")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sha256"));
    }

    @Test
    void aWithdrawnPackagesManifestIsGoneLikeItsPayload() {
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(200);

        GatewayApi.decide(transferId, "p-charite", "DE", Outcome.DENY, "DENIED_PARTY");
        GatewayApi.awaitState(UMCU, transferId, "WITHDRAWN");

        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sluice.example/problems/package-gone"))
                .body("detail", containsString("withdrawn"))
                .body(not(containsString("\"signature\"")));
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(410);
    }

    private byte[] download() {
        return given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        byte[] all = out.toByteArray();
        assertThat(Arrays.equals(all, 0, a.length, a, 0, a.length)).isTrue();
        return all;
    }
}
