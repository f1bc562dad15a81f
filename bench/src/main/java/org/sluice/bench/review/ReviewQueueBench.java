package org.sluice.bench.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.TokenIssuer;
import org.sluice.events.json.Json;

/**
 * Latency of the reviewer queue listing ({@code GET /api/v1/reviews}) with 10,000 open cases, against a
 * baseline measured in the same run: an authenticated endpoint of the same service that runs one query
 * on an empty table ({@code GET /api/v1/screening/adjudications}). The built policy service runs as its
 * own JVM on a real broker and database; the cases are inserted with SQL into its tables after Flyway
 * created them, shaped as the service writes them (deadlines spread over a week, mixed risk, category
 * and country).
 *
 * <p>Usage: {@code ReviewQueueBench <policy quarkus-run.jar> [cases=10000] [samples=2000] [heap=256m]}
 */
public final class ReviewQueueBench {

    private static final String ISSUER = "https://sluice.bench/issuer";

    private ReviewQueueBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        String heap = args.length > 3 ? args[3] : "256m";
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "review-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work, 1);
                EmbeddedDatabase database = EmbeddedDatabase.start(work)) {
            TokenIssuer tokens = TokenIssuer.generate(ISSUER);
            Path jwt = Files.writeString(work.resolve("jwt.pem"), tokens.publicKeyPem(), StandardCharsets.US_ASCII);
            int port = FreePorts.pick();
            Map<String, String> config = Map.of(
                    "quarkus.http.port",
                    Integer.toString(port),
                    "quarkus.datasource.jdbc.url",
                    database.jdbcUrl(),
                    "quarkus.datasource.username",
                    EmbeddedDatabase.USER,
                    "quarkus.datasource.password",
                    "",
                    "kafka.bootstrap.servers",
                    kafka.bootstrapServers(),
                    "quarkus.log.level",
                    "WARN",
                    "mp.jwt.verify.publickey.location",
                    jwt.toAbsolutePath().toString(),
                    "mp.jwt.verify.issuer",
                    ISSUER);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
            config.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            Process policy = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("policy.log").toFile())
                    .start();
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                awaitReady(http, base, policy, work);
                seed(database, cases);
                String token = tokens.issue(
                        "bench@eco", List.of("reviewer", "senior-reviewer"), "eco", null, Duration.ofHours(2));
                String deepCursor = cursorAfter(http, base, token, 100);

                Map<String, String> targets = new java.util.LinkedHashMap<>();
                targets.put(
                        "baseline: GET /api/v1/screening/adjudications (one query, empty table)",
                        "/api/v1/screening/adjudications");
                targets.put("queue, first page (limit=50)", "/api/v1/reviews?limit=50");
                targets.put(
                        "queue, filtered (risk=HIGH&country=US, limit=50)",
                        "/api/v1/reviews?risk=HIGH&country=US&limit=50");
                targets.put("queue, page 101 by cursor (limit=50)", "/api/v1/reviews?limit=50&after=" + deepCursor);
                targets.put("queue, older than 3 days (minAge=P3D, limit=50)", "/api/v1/reviews?minAge=P3D&limit=50");
                System.out.printf(
                        Locale.ROOT,
                        "%d open cases, %d samples per endpoint after %d warm-up requests%n",
                        count(http, base, token),
                        samples,
                        samples / 2);
                for (var t : targets.entrySet()) {
                    measure(http, base, token, t.getValue(), samples / 2);
                }
                for (var t : targets.entrySet()) {
                    long[] nanos = measure(http, base, token, t.getValue(), samples);
                    Arrays.sort(nanos);
                    System.out.printf(
                            Locale.ROOT,
                            "%-72s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                            t.getKey(),
                            ms(nanos, 0.50),
                            ms(nanos, 0.99),
                            nanos[nanos.length - 1] / 1e6);
                }
            } finally {
                policy.destroy();
                policy.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void seed(EmbeddedDatabase database, int cases) {
        // transfers first (the cases reference them), then the cases, as the service would have opened them
        database.execute("INSERT INTO policy.transfers (transfer_id, institution_id, partner_id, request,"
                + " request_event_id, received_at, latest_decision, submitted_by)"
                + " SELECT 'tr-bench-' || i, (ARRAY['i-umcu','i-lumc','i-rivm'])[1 + i % 3], 'p-bench-' || (i % 40),"
                + " '{}'::jsonb, 'ev-' || i, now() - (i % 7200) * interval '1 minute', 'd-bench-' || i,"
                + " 'submitter@bench' FROM generate_series(1, " + cases + ") AS i");
        database.execute("INSERT INTO policy.review_cases (review_id, transfer_id, kind, decision_id,"
                + " decision_source, decision_outcome, institution_id, submitted_by, partner_id, destination_country,"
                + " category, codes, risk, required_votes, senior_required, escalated, excluded_reviewers, status,"
                + " opened_at, deadline)"
                + " SELECT 'rv-bench-' || i, 'tr-bench-' || i, 'DECISION', 'd-bench-' || i, 'ENGINE', 'REVIEW',"
                + " (ARRAY['i-umcu','i-lumc','i-rivm'])[1 + i % 3], 'submitter@bench', 'p-bench-' || (i % 40),"
                + " (ARRAY['US','SE','JP','BR','ZA','CN','GB','DE'])[1 + i % 8],"
                + " (ARRAY['HUMAN_INDIVIDUAL','HUMAN_AGGREGATE','NON_HUMAN','PATHOGEN_OF_CONCERN'])[1 + i % 4],"
                + " ARRAY['FIRST_TRANSFER_TO_PARTNER'], CASE WHEN i % 5 = 0 THEN 'HIGH' ELSE 'STANDARD' END,"
                + " CASE WHEN i % 5 = 0 THEN 2 ELSE 1 END, i % 5 = 0, FALSE, ARRAY[]::text[], 'OPEN',"
                + " now() - (i % 7200) * interval '1 minute', now() + ((i * 7919) % 10080) * interval '1 minute'"
                + " FROM generate_series(1, " + cases + ") AS i");
        database.execute("ANALYZE policy.review_cases");
    }

    private static long[] measure(HttpClient http, URI base, String token, String path, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return nanos;
    }

    private static String cursorAfter(HttpClient http, URI base, String token, int pages) throws Exception {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            var page = get(http, base, token, "/api/v1/reviews?limit=50" + (cursor == null ? "" : "&after=" + cursor));
            cursor = page.path("next").asText();
        }
        return cursor;
    }

    private static int count(HttpClient http, URI base, String token) throws Exception {
        int n = 0;
        String cursor = null;
        do {
            var page = get(http, base, token, "/api/v1/reviews?limit=200" + (cursor == null ? "" : "&after=" + cursor));
            n += page.path("items").size();
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode get(HttpClient http, URI base, String token, String path)
            throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return Json.mapper().readTree(r.body());
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void awaitReady(HttpClient http, URI base, Process policy, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!policy.isAlive()) {
                throw new IllegalStateException("policy exited; see " + work.resolve("policy.log"));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            policy.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("policy was not ready in time");
    }
}
