package org.sluice.bench.gateway;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.sluice.embedded.SyntheticPayload;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.Json;
import org.sluice.events.transfer.Category;

/**
 * Service-level measurements of the gateway, each next to its baseline measured in the same run:
 *
 * <ul>
 *   <li>re-sealing time (approval published to state SEALED) for a 4 GiB payload vs a 1 KiB one;
 *   <li>peak RSS of the gateway (its own JVM, {@code -Xmx128m} unless given) during 4 GiB uploads vs the idle
 *       service;
 *   <li>download throughput of the 4 GiB package vs the same bytes served as a plain static file.
 * </ul>
 *
 * Run: {@code java -cp bench/target/benchmarks.jar org.sluice.bench.gateway.GatewayBench
 * gateway/target/quarkus-app/quarkus-run.jar fixtures [largeBytes [heap [largeRuns]]]}: e.g.
 * {@code 8589934592 128m 1} uploads, seals and downloads one 8 GiB payload.
 */
public final class GatewayBench {

    private static final int SMALL = 1024;
    private static final int WARM_UP = 5;
    private static final int SMALL_REPS = 15;
    private static final int LARGE_REPS = 2;
    private static final int DOWNLOAD_REPS = 2;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        long large = args.length > 2 ? Long.parseLong(args[2]) : 4L << 30;
        String heap = args.length > 3 ? args[3] : "128m";
        int largeRuns = args.length > 4 ? Integer.parseInt(args[4]) : LARGE_REPS;
        try (BenchStack stack = BenchStack.start(jar, fixtures, heap)) {
            new GatewayBench(heap, largeRuns).run(stack, fixtures, large);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String heap;
    private final int largeRuns;

    private GatewayBench(String heap, int largeRuns) {
        this.heap = heap;
        this.largeRuns = largeRuns;
    }

    private void run(BenchStack stack, Path fixtures, long large) throws Exception {
        stack.registerPartner(Files.readString(fixtures.resolve("keys/p-charite.pub"), StandardCharsets.US_ASCII));
        long idleRss = stack.rssBytes();

        String smallSha = sha256(new SyntheticPayload(SMALL, 7));
        for (int i = 0; i < WARM_UP; i++) {
            String id = stack.submit(SMALL, smallSha);
            stack.upload(id, () -> new SyntheticPayload(SMALL, 7), SMALL);
            sealMillis(stack, id);
        }
        BenchStack.Timer sealing = stack.sealingTimer();
        List<Long> smallSeal = new ArrayList<>();
        for (int i = 0; i < SMALL_REPS; i++) {
            String id = stack.submit(SMALL, smallSha);
            stack.upload(id, () -> new SyntheticPayload(SMALL, 7), SMALL);
            smallSeal.add(sealMillis(stack, id));
        }
        BenchStack.Timer afterSmall = stack.sealingTimer();

        String largeSha = sha256(new SyntheticPayload(large, 11));
        List<Long> largeSeal = new ArrayList<>();
        List<Double> uploadMbps = new ArrayList<>();
        String largeTransfer = null;
        for (int i = 0; i < largeRuns; i++) {
            String id = stack.submit(large, largeSha);
            long start = System.nanoTime();
            stack.upload(id, () -> new SyntheticPayload(large, 11), large);
            uploadMbps.add(mbPerSecond(large, System.nanoTime() - start));
            largeSeal.add(sealMillis(stack, id));
            largeTransfer = id;
        }
        long peakRss = stack.peakRssBytes();
        BenchStack.Timer afterLarge = stack.sealingTimer();
        double smallSealing = afterSmall.meanMillisSince(sealing);
        double largeSealing = afterLarge.meanMillisSince(afterSmall);

        String packageId = stack.packageOf(largeTransfer);
        Path staged = stack.stagedFile(largeTransfer);
        List<Double> gatewayMbps = new ArrayList<>();
        List<Double> staticMbps = new ArrayList<>();
        try (StaticFileServer files = StaticFileServer.serve(staged)) {
            for (int i = 0; i < DOWNLOAD_REPS; i++) {
                gatewayMbps.add(download(stack.uri("/api/v1/partner/packages/" + packageId), stack.partnerToken()));
                staticMbps.add(download(files.uri(), null));
            }
        }
        long peakRssAfterDownloads = stack.peakRssBytes();

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "payloads: %,d bytes and %,d bytes; gateway JVM -Xmx%s%n", SMALL, large, heap));
        out.append(String.format(
                Locale.ROOT,
                "re-sealing, approval published -> SEALED (ms): 1 KiB median %d (%s), large median %d (%s);"
                        + " ratio %.2f%n",
                median(smallSeal),
                smallSeal,
                median(largeSeal),
                largeSeal,
                (double) median(largeSeal) / median(smallSeal)));
        out.append(String.format(
                Locale.ROOT,
                "re-sealing inside the gateway (sluice.gateway.sealing timer, mean ms): 1 KiB %.2f, large %.2f;"
                        + " ratio %.2f%n",
                smallSealing,
                largeSealing,
                largeSealing / smallSealing));
        out.append(String.format(
                Locale.ROOT,
                "gateway RSS: idle %d MiB, peak during %d large uploads %d MiB (%d MB)%n",
                idleRss >> 20,
                largeRuns,
                peakRss >> 20,
                peakRss / 1_000_000));
        out.append(String.format(
                Locale.ROOT,
                "gateway RSS: peak after %d large downloads %d MiB (%d MB)%n",
                DOWNLOAD_REPS,
                peakRssAfterDownloads >> 20,
                peakRssAfterDownloads / 1_000_000));
        out.append(String.format(Locale.ROOT, "upload throughput (MB/s): %s%n", format(uploadMbps)));
        out.append(String.format(
                Locale.ROOT,
                "download throughput (MB/s): gateway %s, static file %s; gateway/static %.2f%n",
                format(gatewayMbps),
                format(staticMbps),
                best(gatewayMbps) / best(staticMbps)));
        System.out.print(out);
    }

    private static long sealMillis(BenchStack stack, String transferId) throws Exception {
        TransferDecided approval = new TransferDecided(
                transferId,
                "dc-" + UUID.randomUUID(),
                BenchStack.INSTITUTION,
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
                Instant.now().plus(Duration.ofDays(1)),
                List.of(),
                0);
        long start = System.nanoTime();
        stack.publish(Event.of("/sluice/policy", Principal.system("policy"), approval, Clock.systemUTC()));
        stack.awaitState(transferId, "SEALED");
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private double download(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream body = response.body()) {
            bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return mbPerSecond(bytes, System.nanoTime() - start);
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (in) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double best(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static String format(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v))
                .toList()
                .toString();
    }

    static String json(Object value) throws Exception {
        return Json.mapper().writeValueAsString(value);
    }
}
