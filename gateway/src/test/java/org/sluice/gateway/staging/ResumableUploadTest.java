package org.sluice.gateway.staging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;
import static org.sluice.gateway.staging.ChunkedUploads.decryptStaged;
import static org.sluice.gateway.staging.ChunkedUploads.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class ResumableUploadTest {

    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void chunksOfAnySizeAddUpToTheStagedPayload() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));

        chunk(id, 0, 29_999)
                .then()
                .statusCode(202)
                .body("received", equalTo(30_000))
                .header("Upload-Offset", "30000");
        chunk(id, 30_000, 65_538).then().statusCode(202).header("Range", "bytes=0-65538");
        progress(id).then().statusCode(200).body("received", equalTo(65_539)).body("sizeBytes", equalTo(vcf.length));
        chunk(id, 65_539, vcf.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));

        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("STAGED");
        progress(id).then().body("received", equalTo(vcf.length));
        assertThat(decryptStaged(id)).isEqualTo(vcf);
    }

    @Test
    void anInterruptedChunkKeepsWhatArrivedAndTheUploadResumesFromThere() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        int sent = 50_000;

        // a client that announces the whole payload and goes away after 50,000 bytes
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            String head = "PUT /api/v1/transfers/" + id + "/payload HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.submitter(UMCU) + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Range: bytes 0-" + (vcf.length - 1) + "/" + vcf.length + "\r\n"
                    + "Content-Length: " + vcf.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(vcf, 0, sent);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> progress(id).<Integer>path("received") == sent);
        }

        // starting again from 0 is allowed: it restarts the upload
        chunk(id, 0, 999).then().statusCode(202);
        chunk(id, 5_000, vcf.length - 1)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://sluice.example/problems/upload-offset-mismatch"))
                .header("Upload-Offset", "1000");
        chunk(id, 1_000, vcf.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));
        assertThat(decryptStaged(id)).isEqualTo(vcf);
    }

    @Test
    void aResumedUploadIsVerifiedAsAWhole() throws Exception {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        byte[] tampered = vcf.clone();
        tampered[vcf.length - 1] ^= 1;

        chunk(id, 0, 9_999).then().statusCode(202);
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .header("Content-Range", "bytes 10000-" + (vcf.length - 1) + "/" + vcf.length)
                .body(Arrays.copyOfRange(tampered, 10_000, vcf.length))
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sluice.example/problems/digest-mismatch"));

        assertThat(UploadTest.stagedFile(id)).doesNotExist();
        progress(id).then().body("received", equalTo(0));
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .header("Content-Range", "bytes 0-9/" + (vcf.length + 1))
                .body(new byte[10])
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://sluice.example/problems/size-mismatch"));
        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .header("Content-Range", "bytes 9-0/10")
                .body(new byte[10])
                .put("/api/v1/transfers/" + id + "/payload")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Content-Range"));
    }

    private Response chunk(String id, int first, int last) {
        return ChunkedUploads.chunk(id, vcf, first, last);
    }
}
