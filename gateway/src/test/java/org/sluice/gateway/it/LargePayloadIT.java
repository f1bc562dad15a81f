package org.sluice.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.embedded.SyntheticPayload;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.Category;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.s3.S3Server;
import org.sluice.gateway.staging.StagedPayload;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Large payloads uploaded to and downloaded from the built gateway running with a 256 MiB heap: memory stays
 * constant for any size, end to end, and the partner decrypts exactly the bytes submitted. 2 GiB through the
 * filesystem store; half a GiB through the S3-compatible store (S3Mock in this JVM, parts of the default 16
 * MiB), twice the heap, at a quarter of the time.
 */
class LargePayloadIT {

    private static final String HEAP = "256m";
    /** Heap, metaspace, code cache, thread stacks and buffers; far below either payload's size. */
    private static final long PEAK_RSS_BOUND = 640L << 20;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoGibibytesGoThroughAGatewayWithA256MibHeap() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(HEAP)) {
            roundTrip(gateway, 2L << 30);
        }
    }

    @Test
    void halfAGibibyteGoesThroughTheS3StoreOfAGatewayWithA256MibHeap() throws Exception {
        try (S3Server s3 = S3Server.start();
                GatewayProcess gateway = GatewayProcess.start(HEAP, s3.gatewayConfig());
                S3Client client = s3.client()) {
            String id = roundTrip(gateway, 512L << 20);

            String staged = "objects/" + StagedPayload.objectKeyOf(id);
            try (InputStream head =
                    client.getObject(b -> b.bucket(S3Server.BUCKET).key(staged).range("bytes=0-7"))) {
                assertThat(new String(head.readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("crypt4gh");
            }
            assertThat(client.headObject(b -> b.bucket(S3Server.BUCKET).key(staged))
                            .eTag())
                    .as("staged as a multipart object")
                    .contains("-");
            assertThat(client.listObjectsV2(b -> b.bucket(S3Server.BUCKET).prefix("pending/"))
                            .contents())
                    .isEmpty();
        }
    }

    /** Registers the partner, submits, uploads, approves, downloads and decrypts; returns the transfer's id. */
    private String roundTrip(GatewayProcess gateway, long size) throws Exception {
        String sha256 = sha256(new SyntheticPayload(size, 42));
        send(
                gateway,
                "PUT",
                "/api/v1/admin/partners/p-charite",
                Tokens.admin(),
                json(Map.of(
                        "institution",
                        "Charite",
                        "country",
                        "DE",
                        "status",
                        "ACTIVE",
                        "profitStatus",
                        "NOT_FOR_PROFIT",
                        "deliveryFormat",
                        "CRYPT4GH",
                        "keys",
                        List.of(GatewayApi.key("charite-1", "p-charite", "2024-01-01", "2031-12-31")))),
                201);
        String request = GatewayApi.request("p-charite", "DE", size, sha256).toString();
        String id = JsonPath.from(send(gateway, "POST", "/api/v1/transfers", Tokens.submitter("i-umcu"), request, 201))
                .getString("id");

        HttpResponse<String> uploaded = http.send(
                HttpRequest.newBuilder(gateway.uri("/api/v1/transfers/" + id + "/payload"))
                        .header("Authorization", "Bearer " + Tokens.submitter("i-umcu"))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> new SyntheticPayload(size, 42)), size))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long rssAfterUpload = gateway.peakRssBytes();

        KafkaTestClient kafka = new KafkaTestClient(gateway.bootstrapServers());
        kafka.publish(Event.of(
                "/sluice/policy",
                Principal.system("policy"),
                new TransferDecided(
                        id,
                        "dc-it",
                        "i-umcu",
                        "p-charite",
                        "DE",
                        Category.HUMAN_INDIVIDUAL,
                        Outcome.APPROVE,
                        List.of(),
                        List.of(),
                        new BundleRef("default", "1", "sha256:" + "ab".repeat(32)),
                        DecisionSource.ENGINE,
                        null,
                        null,
                        Instant.now().plus(1, ChronoUnit.DAYS),
                        List.of(),
                        0),
                java.time.Clock.systemUTC()));
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "SEALED"
                        .equals(JsonPath.from(send(
                                        gateway,
                                        "GET",
                                        "/api/v1/transfers/" + id,
                                        Tokens.submitter("i-umcu"),
                                        null,
                                        200))
                                .getString("state")));
        String packageId = JsonPath.from(
                        send(gateway, "GET", "/api/v1/transfers/" + id, Tokens.submitter("i-umcu"), null, 200))
                .getString("package.packageId");

        HttpResponse<InputStream> download = http.send(
                HttpRequest.newBuilder(gateway.uri("/api/v1/partner/packages/" + packageId))
                        .header("Authorization", "Bearer " + Tokens.partner("p-charite"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        Crypt4ghKeyPair charite = Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/p-charite.sec"), null);
        String received;
        try (InputStream plain = Crypt4ghReader.decrypt(download.body(), charite)) {
            received = sha256(plain);
        }

        assertThat(received).isEqualTo(sha256);
        long peak = gateway.peakRssBytes();
        System.out.println(String.format(
                java.util.Locale.ROOT,
                "gateway peak RSS (%d MiB payload): %d MiB after upload, %d MiB after download",
                size >> 20,
                rssAfterUpload >> 20,
                peak >> 20));
        // the heap is capped (an on-heap copy of the payload ends the JVM); this catches copies off the heap
        assertThat(peak)
                .as("peak RSS of a gateway with a %s heap moving %d MiB", HEAP, size >> 20)
                .isLessThan(PEAK_RSS_BOUND);
        return id;
    }

    private String send(GatewayProcess gateway, String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    private static String json(Object value) throws Exception {
        return Json.mapper().writeValueAsString(value);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest);
                OutputStream sink = OutputStream.nullOutputStream()) {
            digesting.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
