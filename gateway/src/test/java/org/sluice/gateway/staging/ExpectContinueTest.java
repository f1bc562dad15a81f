package org.sluice.gateway.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.gateway.GatewayApi.UMCU;
import static org.sluice.gateway.GatewayApi.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.Tokens;

/**
 * Uploads that ask for {@code Expect: 100-continue} (the CLI does, and curl for large files): the payload is sent
 * only after the gateway has accepted the request, and the gateway says "100 Continue" exactly once. A second
 * interim answer made the JDK's HTTP client take it for the final answer and hang.
 */
@QuarkusTest
class ExpectContinueTest {

    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void anAcceptedUploadGetsOneContinueThenItsAnswer() throws IOException {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write(head(id, Tokens.submitter(UMCU)).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            out.write(vcf);
            out.flush();

            assertThat(statusLines(in)).containsExactly("HTTP/1.1 200 OK");
        }
    }

    @Test
    void aRefusedUploadIsRefusedBeforeAnyByteIsSent() throws IOException {
        String id = GatewayApi.submit(UMCU, request("p-charite", "DE", vcf));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write(head(id, Tokens.submitter("i-lumc")).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(in.readLine()).isEqualTo("HTTP/1.1 404 Not Found");
        }
    }

    private String head(String id, String token) {
        return "PUT /api/v1/transfers/" + id + "/payload HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + vcf.length + "\r\n"
                + "Expect: 100-continue\r\n\r\n";
    }

    /** The status lines of every answer up to and including the final one. */
    private static List<String> statusLines(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("HTTP/1.1 ")) {
                lines.add(line);
                if (!line.startsWith("HTTP/1.1 1")) {
                    return lines;
                }
            }
        }
        return lines;
    }
}
