package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13's hostile requests, replayed against the running stack as they were first sent from outside:
 * each is answered with a 4xx problem document naming the field or the limit (broken framing, which the
 * HTTP codec answers itself, with a bare 400), nothing is stored, no service logs a stack trace, and
 * garbage never adds a label to any service's metrics.
 */
@ExtendWith(StackExtension.class)
class HostileInputIT {

    private static final Pattern URI_LABEL =
            Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    private final Map<Service, Long> logSizes = new EnumMap<>(Service.class);
    private final Map<Service, Set<String>> labels = new EnumMap<>(Service.class);
    private LocalStack stack;
    private Api api;

    @BeforeEach
    void noteLogsAndLabels(LocalStack stack) throws Exception {
        this.stack = stack;
        this.api = new Api(stack);
        for (Service s : Service.values()) {
            logSizes.put(s, Files.size(stack.logFile(s)));
            labels.put(s, uriLabels(s));
        }
    }

    @AfterEach
    void noStackTraceAndNoNewLabel() throws Exception {
        for (Service s : Service.values()) {
            byte[] log = Files.readAllBytes(stack.logFile(s));
            int from = (int) Math.min(log.length, logSizes.get(s));
            String logged = new String(log, from, log.length - from, StandardCharsets.UTF_8);
            assertThat(logged).as("what %s logged", s).doesNotContain("\tat ");
            Set<String> added = new TreeSet<>(uriLabels(s));
            added.removeAll(labels.get(s));
            // a route first used now adds its template; garbage never adds its raw path
            assertThat(added)
                    .as("uri labels %s gained", s)
                    .allSatisfy(label -> assertThat(label).doesNotContain("random-", "%00", "tr-", "rv-", "aaaa"));
        }
    }

    @Test
    void aNulInABodyFieldIsRefusedNamingTheFieldAndNoTransferIsStored() throws Exception {
        long before = transfers();
        ObjectNode request = Demo.requestToCharite(Demo.vcf());
        ((ObjectNode) request.withArray("endUsers").get(0)).put("name", "Dr. Anna\u0000Keller");
        for (String path : new String[] {"/api/v1/transfers", "/api/v1/transfers/precheck"}) {
            Response response = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                    .contentType("application/json")
                    .body(request.toString())
                    .post(path);
            assertThat(fields(assertProblem(response, 400))).contains("endUsers[0].name");
        }
        assertThat(transfers()).isEqualTo(before);
    }

    @Test
    void aNulOrNothingButZeroWidthCharactersInAJustificationOrStatementIsRefused() {
        for (String text : new String[] {"approved\u0000", "\u200b\u200c\u200d\u2060"}) {
            Response review = api.as(Service.POLICY, "REVIEWER")
                    .contentType("application/json")
                    .body("{\"vote\":\"APPROVE\",\"justification\":\"" + escape(text) + "\"}")
                    .post("/api/v1/reviews/rv-hostile/decision");
            assertThat(fields(assertProblem(review, 400))).contains("justification");
            Response appeal = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                    .contentType("application/json")
                    .body("{\"statement\":\"" + escape(text) + "\"}")
                    .post("/api/v1/transfers/tr-00000000/appeal");
            assertThat(fields(assertProblem(appeal, 400))).contains("statement");
        }
    }

    @Test
    void aMillionCharacterJustificationIsRefusedNamingItsLimit() {
        Response response = api.as(Service.POLICY, "REVIEWER")
                .contentType("application/json")
                .body("{\"vote\":\"APPROVE\",\"justification\":\"" + "x".repeat(1_000_000) + "\"}")
                .post("/api/v1/reviews/rv-hostile/decision");
        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).containsAnyOf("4000", "1048576");
    }

    @Test
    void aNulInAPathOrQueryParameterIsA400OnEveryService() {
        assertProblem(api.as(Service.GATEWAY, "SUBMITTER_UMCU").get("/api/v1/transfers/tr-%00"), 400);
        assertThat(fields(assertProblem(api.as(Service.AUDIT, "ANALYST").get("/api/v1/audit/export?actor=%00"), 400)))
                .contains("actor");
        assertThat(fields(assertProblem(api.as(Service.POLICY, "REVIEWER").get("/api/v1/reviews?category=%00"), 400)))
                .contains("category");
    }

    @Test
    void parametersOfTheWrongShapeAre400NotNotFound() {
        assertProblem(api.as(Service.AUDIT, "ANALYST").get("/api/v1/audit/alerts?before=abc"), 400);
        assertProblem(api.as(Service.AUDIT, "ANALYST").get("/api/v1/audit/proofs/inclusion?index=1e20"), 400);
    }

    @Test
    void anEmptyIdempotencyKeyIsRefused() throws Exception {
        long before = transfers();
        Response response = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                .contentType("application/json")
                .header("Idempotency-Key", "")
                .body(Demo.requestToCharite(Demo.vcf()).toString())
                .post("/api/v1/transfers");
        assertProblem(response, 400);
        assertThat(transfers()).isEqualTo(before);
    }

    @Test
    void unreadableJsonIsNamedWithoutParserClasses() {
        Response response = api.as(Service.GATEWAY, "SUBMITTER_UMCU")
                .contentType("application/json")
                .body("{\"dataset\": [")
                .post("/api/v1/transfers/precheck");
        assertProblem(response, 400);
        assertThat(response.asString()).doesNotContain("jackson", "Jackson", "java.", "com.fasterxml");
    }

    @Test
    void overLongTargetsAndHeadersAnswerWithProblemDocuments() {
        for (Service s : Service.values()) {
            assertProblem(api.as(s, "ADMIN").get("/api/v1/" + "a".repeat(20_000)), 414);
            assertProblem(
                    api.as(s, "ADMIN").header("X-Filler", "b".repeat(20_000)).get("/api/v1/keys"), 431);
        }
    }

    @Test
    void malformedFramingOnARandomPathIsA400ThatClosesTheConnection() throws Exception {
        for (Service s : Service.values()) {
            for (String framing : new String[] {
                "Content-Length: -1\r\n",
                "Content-Length: 3\r\nContent-Length: 5\r\n",
                "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n"
            }) {
                String answer = raw(
                        s,
                        "POST /random-" + Long.toHexString(System.nanoTime()) + " HTTP/1.1\r\n" + "Host: localhost\r\n"
                                + framing + "\r\nabc");
                // the HTTP codec answers these before any Sluice code runs; Quarkus offers no hook for a body
                // (docs/threat-model.md), so it is a bare 400 and the connection is closed
                assertThat(answer).startsWith("HTTP/1.1 400");
            }
        }
    }

    private static JsonNode assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = Api.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(response.asString()).doesNotContain("\tat ", "Exception");
        return problem;
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new TreeSet<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static String escape(String text) {
        StringBuilder json = new StringBuilder();
        text.chars().forEach(c -> json.append(String.format(Locale.ROOT, "\\u%04x", c)));
        return json.toString();
    }

    private long transfers() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", null);
                ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM gateway.transfers")) {
            r.next();
            return r.getLong(1);
        }
    }

    private Set<String> uriLabels(Service service) {
        String metrics = api.as(service, "ADMIN").get("/q/metrics").asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI_LABEL.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }

    /** Sends bytes as they are and reads the answer until the server closes the connection. */
    private String raw(Service service, String request) throws Exception {
        try (Socket socket = new Socket("localhost", stack.uri(service).getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            return answer.toString();
        }
    }
}
