package org.sluice.gateway.staging;

import static io.restassured.RestAssured.given;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Tokens;

/** The calls and checks the chunked-upload tests share: a chunk, the progress, the staged payload decrypted. */
final class ChunkedUploads {

    private ChunkedUploads() {}

    /** PUTs bytes {@code first..last} (inclusive) of {@code payload} as UMCU's submitter. */
    static Response chunk(String id, byte[] payload, int first, int last) {
        return given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .contentType("application/octet-stream")
                .header("Content-Range", "bytes " + first + "-" + last + "/" + payload.length)
                .body(Arrays.copyOfRange(payload, first, last + 1))
                .put("/api/v1/transfers/" + id + "/payload");
    }

    /** The upload's progress document. */
    static Response progress(String id) {
        return given().auth().oauth2(Tokens.submitter(UMCU)).get("/api/v1/transfers/" + id + "/payload");
    }

    /** The staged payload, decrypted with the gateway's staging key. */
    static byte[] decryptStaged(String id) throws Exception {
        Crypt4ghKeyPair gatewayKey =
                Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/gateway-demo.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(Files.newInputStream(UploadTest.stagedFile(id)), gatewayKey)) {
            return plain.readAllBytes();
        }
    }
}
