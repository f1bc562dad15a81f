package org.sluice.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sluice.events.json.Json;

/**
 * The gateway's HTTP API as the client uses it: JSON in and out, streamed bodies for payloads and packages, the bearer
 * token on every request (never anywhere else), and every refusal turned into a {@link GatewayException} carrying the
 * gateway's problem document.
 */
public final class GatewayClient {
    /** Largest JSON answer read into memory. */
    private static final int MAX_JSON_BYTES = 16 * 1024 * 1024;
    /** Largest error body read to find a problem document in it. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final HttpClient http;
    private final URI base;
    private final Optional<String> token;
    private final Duration timeout;
    private final String userAgent;

    /**
     * @param http the client (HTTP/1.1, no redirects: a bearer token must not follow a redirect elsewhere)
     * @param base the gateway's base URL, e.g. {@code https://gateway.example.org}
     * @param token the bearer token, if any
     * @param timeout how long to wait for the head of an answer
     * @param userAgent this client's name and version
     */
    public GatewayClient(HttpClient http, URI base, Optional<String> token, Duration timeout, String userAgent) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** A client of its own, connecting within {@code timeout}. */
    public static GatewayClient connect(URI base, Optional<String> token, Duration timeout, String userAgent) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new GatewayClient(http, base, token, timeout, userAgent);
    }

    /** The gateway's base URL. */
    public URI base() {
        return base;
    }

    /** The absolute URL of a path-absolute reference such as {@code /api/v1/transfers/tr-1/payload}. */
    public URI resolve(String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    /** GETs a JSON document. */
    public JsonNode getJson(String path) throws IOException {
        return readJson(path, send(timed(path).GET().build()));
    }

    /** GETs a body as bytes (at most 16 MiB), e.g. a signed manifest exactly as served. */
    public byte[] getBytes(String path) throws IOException {
        HttpResponse<InputStream> response = send(timed(path).GET().build());
        requireSuccess(response);
        return readBounded(response, MAX_JSON_BYTES, path);
    }

    /** POSTs a JSON document and reads the JSON answer. */
    public JsonNode postJson(String path, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = timed(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        headers.forEach(request::header);
        return readJson(path, send(request.build()));
    }

    /**
     * PUTs a streamed body and reads the JSON answer. The request asks for {@code 100-continue}, so a refusal
     * (bad token, unknown transfer, too large) comes before any byte of the body is sent; there is no time limit on
     * the body itself.
     */
    public JsonAnswer put(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = request(path).expectContinue(true).PUT(body);
        headers.forEach(request::header);
        HttpResponse<InputStream> response = send(request.build());
        return new JsonAnswer(response.statusCode(), readJson(path, response));
    }

    /**
     * GETs a streamed binary body (a package); the caller reads it, and calls {@link #refusal} for a status it does
     * not handle.
     */
    public HttpResponse<InputStream> open(String path, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = timed(path)
                .setHeader("Accept", "application/octet-stream, application/problem+json")
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The exception for an answer that is not a success: the problem document in its body, when there is one. */
    public GatewayException refusal(HttpResponse<InputStream> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_ERROR_BYTES);
            if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
                return new GatewayException(
                        response.statusCode(), Json.mapper().readValue(bytes, Problem.class), contentType);
            }
        } catch (IOException e) {
            // not a readable problem document: say what was there instead
        }
        return new GatewayException(response.statusCode(), null, contentType + " body not shown");
    }

    /** Binds a JSON answer to a type, or says that it is not what this client expects. */
    public static <T> T bind(JsonNode node, Class<T> type, String what) throws UnexpectedAnswerException {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnexpectedAnswerException(
                    "the gateway's " + what + " is not what this client understands: " + e.getMessage(), e);
        }
    }

    private void requireSuccess(HttpResponse<InputStream> response) throws GatewayException {
        if (response.statusCode() / 100 != 2) {
            throw refusal(response);
        }
    }

    private JsonNode readJson(String path, HttpResponse<InputStream> response) throws IOException {
        requireSuccess(response);
        byte[] bytes = readBounded(response, MAX_JSON_BYTES, path);
        try {
            return Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new UnexpectedAnswerException(
                    "the answer to " + path + " is not JSON: " + e.getOriginalMessage() + " (is " + base
                            + " a Sluice gateway?)",
                    e);
        }
    }

    private static byte[] readBounded(HttpResponse<InputStream> response, int limit, String path) throws IOException {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(limit);
            if (body.read() >= 0) {
                throw new UnexpectedAnswerException("the answer to " + path + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** A request that must be answered within the timeout (uploads are not: their answer follows the whole body). */
    private HttpRequest.Builder timed(String path) {
        return request(path).timeout(timeout);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent);
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new GatewayUnreachableException(
                    "cannot reach the gateway at " + base + ": connection refused or host unknown", e);
        } catch (HttpTimeoutException e) {
            throw new GatewayUnreachableException(
                    "the gateway at " + base + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the gateway");
        } catch (IOException e) {
            throw new GatewayUnreachableException(
                    "the connection to the gateway at " + base + " broke off"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }
}
