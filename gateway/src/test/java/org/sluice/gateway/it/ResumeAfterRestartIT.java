package org.sluice.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.embedded.SyntheticPayload;
import org.sluice.events.json.Json;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Tokens;

/**
 * A chunked upload outlives a crash of the gateway: after a SIGKILL in the middle of a chunk and a
 * restart, the progress says what is durably stored (whole 64 KiB segments of what was acknowledged),
 * the client resumes from there, and the staged payload decrypts to exactly the declared bytes.
 */
class ResumeAfterRestartIT {

    private static final int SEGMENT = 64 * 1024;
    private static final int SIZE = 3 * 1024 * 1024 + 12_345;
    private static final int FIRST_CHUNK = 16 * SEGMENT + 1_000;

    private static GatewayProcess gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start("256m");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anUploadInterruptedByAKilledGatewayResumesFromWhatIsDurable() throws Exception {
        byte[] payload = new SyntheticPayload(SIZE, 7).readAllBytes();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        send(
                "PUT",
                "/api/v1/admin/partners/p-charite",
                Tokens.admin(),
                Json.mapper()
                        .writeValueAsString(Map.of(
                                "institution", "Charite",
                                "country", "DE",
                                "status", "ACTIVE",
                                "profitStatus", "NOT_FOR_PROFIT",
                                "deliveryFormat", "CRYPT4GH",
                                "keys", List.of(GatewayApi.key("charite-1", "p-charite", "2024-01-01", "2031-12-31")))),
                201);
        String request = GatewayApi.request("p-charite", "DE", SIZE, sha256).toString();
        String id = JsonPath.from(send("POST", "/api/v1/transfers", Tokens.submitter("i-umcu"), request, 201))
                .getString("id");

        HttpResponse<String> first =
                http.send(chunk(id, payload, 0, FIRST_CHUNK), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(JsonPath.from(first.body()).getLong("received")).isEqualTo(FIRST_CHUNK);

        // the next chunk is on its way (half a megabyte arrived, the rest is stuck) when the gateway is killed
        try (Socket socket =
                new Socket(gateway.uri("/").getHost(), gateway.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "PUT /api/v1/transfers/" + id + "/payload HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.submitter("i-umcu") + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Range: bytes " + FIRST_CHUNK + "-" + (SIZE - 1) + "/" + SIZE + "\r\n"
                    + "Content-Length: " + (SIZE - FIRST_CHUNK) + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload, FIRST_CHUNK, 500_000);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> received(id) > FIRST_CHUNK + 400_000);

            gateway.killAndRestart();
        }

        // durable: the whole segments of the acknowledged chunk; the in-flight bytes were never recorded
        assertThat(received(id)).isEqualTo(16L * SEGMENT);

        HttpResponse<String> rest =
                http.send(chunk(id, payload, 16 * SEGMENT, SIZE - 16 * SEGMENT), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertThat(JsonPath.from(rest.body()).getString("state")).isEqualTo("STAGED");
        assertThat(JsonPath.from(rest.body()).getString("sha256")).isEqualTo(sha256);

        Crypt4ghKeyPair gatewayKey =
                Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/gateway-demo.sec"), null);
        byte[] staged = Files.readAllBytes(gateway.stagedFile(id));
        try (InputStream plain = Crypt4ghReader.decrypt(new ByteArrayInputStream(staged), gatewayKey)) {
            assertThat(plain.readAllBytes()).isEqualTo(payload);
        }
        assertThat(Arrays.equals(staged, 200, 200 + 4_096, payload, 0, 4_096))
                .as("no plaintext at rest")
                .isFalse();
    }

    private HttpRequest chunk(String id, byte[] payload, int first, int length) {
        return HttpRequest.newBuilder(gateway.uri("/api/v1/transfers/" + id + "/payload"))
                .header("Authorization", "Bearer " + Tokens.submitter("i-umcu"))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + SIZE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(payload, first, length))
                .build();
    }

    private long received(String id) throws Exception {
        return JsonPath.from(send("GET", "/api/v1/transfers/" + id + "/payload", Tokens.submitter("i-umcu"), null, 200))
                .getLong("received");
    }

    private String send(String method, String path, String token, String body, int expected) throws Exception {
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
}
