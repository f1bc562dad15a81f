package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sluice.testsupport.Tokens;

/**
 * Requests whose framing cannot be parsed are refused by the HTTP codec itself, before any route or
 * metric sees them: a 400 (with no problem document, as no request was read), and their path never
 * becomes a {@code uri} label on {@code /q/metrics}.
 */
@QuarkusTest
class HttpFramingTest {

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length: -1\r\n",
                "Content-Length: 5\r\nContent-Length: 7\r\n",
                "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"
            })
    void aRequestWithBrokenFramingIsA400AndItsPathIsNoMetricLabel(String framing) throws IOException {
        String path = "/framing-" + UUID.randomUUID();
        String request =
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + framing + "Connection: close\r\n\r\nhello";

        String answer = exchange(request);

        // the codec's own refusal: no request was parsed, so no route, mapper or metric saw it
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
        String metrics = given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).doesNotContain(path.substring(1));
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server may keep or reset the connection after its answer; what arrived is the answer
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }
}
