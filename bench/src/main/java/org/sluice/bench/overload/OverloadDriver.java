package org.sluice.bench.overload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sluice.bench.e2e.DemoTransferRequest;
import org.sluice.local.LocalStack;
import org.sluice.local.Service;
import org.sluice.local.StackOptions;

/**
 * Issue 13's overload run: many closed-loop clients, far beyond what two cores serve, hit the local stack
 * for a fixed time across the endpoint families people use (precheck, transfer status, review queue,
 * audit query, public figures), each as the role it needs. Reports per family the throughput, p50 and
 * p99 latency, the share of 429s and of any 5xx; the services' peak RSS; stack-trace lines the services
 * logged during the run; and whether every family answers normally once the load stops. Exits 1 on any
 * 5xx, a failed recovery or a stack trace. Run from the project root after {@code mvn -B install
 * -DskipTests}: {@code java -cp bench/target/benchmarks.jar org.sluice.bench.overload.OverloadDriver
 * [clients=64] [seconds=60] [limits=machine|defaults]}. With {@code machine} (the default) the stack runs
 * with rate limits set below what this two-core stack serves, as an operator sizes them for a deployment
 * ({@link #MACHINE_LIMITS}); {@code defaults} keeps the shipped defaults, sized for larger hosts.
 */
public final class OverloadDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(tr-[0-9a-f]+)\"");
    private static final Pattern RETRY_AFTER = Pattern.compile("[0-9]+");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    /**
     * Rate limits below the capacity of the local stack on two cores (about 230 requests a second over
     * these families, measured with the defaults): per principal or address, and per institution.
     */
    static final Map<String, String> MACHINE_LIMITS = Map.of(
            "SLUICE_PLATFORM_RATE_LIMIT_READ_RATE", "20",
            "SLUICE_PLATFORM_RATE_LIMIT_READ_BURST", "40",
            "SLUICE_PLATFORM_RATE_LIMIT_READ_INSTITUTION_RATE", "60",
            "SLUICE_PLATFORM_RATE_LIMIT_READ_INSTITUTION_BURST", "120",
            "SLUICE_PLATFORM_RATE_LIMIT_SUBMIT_RATE", "5",
            "SLUICE_PLATFORM_RATE_LIMIT_SUBMIT_BURST", "10",
            "SLUICE_PLATFORM_RATE_LIMIT_PUBLIC_ENDPOINTS_RATE", "30",
            "SLUICE_PLATFORM_RATE_LIMIT_PUBLIC_ENDPOINTS_BURST", "60");

    private OverloadDriver() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean machineLimits = args.length <= 2 || !"defaults".equals(args[2]);
        Path root =
                Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath().normalize();
        StackOptions options = StackOptions.defaults(root)
                .withStateDirectory(root.resolve(".sluice/overload"))
                .withFresh(true)
                .withEnvironment(machineLimits ? MACHINE_LIMITS : Map.of());
        try (LocalStack stack = LocalStack.start(options)) {
            Map<Family, Endpoint> endpoints = endpoints(stack);
            Map<Service, Long> logStart = logSizes(stack);
            for (Endpoint e : endpoints.values()) { // warm up, and fail early when an endpoint is wrong
                int status = e.send(HttpClient.newHttpClient()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(e + " answers " + status + " at rest");
                }
            }
            List<Tally> tallies = run(endpoints, clients, Duration.ofSeconds(seconds));
            Map<Service, Long> peakRss = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                peakRss.put(s, stack.peakRssBytes(s));
            }
            long retryAfter =
                    tallies.stream().mapToLong(Tally::longestRetryAfter).max().orElse(0);
            Map<Family, Long> recovery = recover(endpoints, retryAfter);
            long stackTraces = stackTraceLines(stack, logStart);

            System.out.printf(
                    Locale.ROOT,
                    "%d clients for %d s against the local stack, rate limits: %s%n",
                    clients,
                    seconds,
                    machineLimits ? "sized for this machine " + new java.util.TreeMap<>(MACHINE_LIMITS) : "defaults");
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %9s %9s %9s %9s %8s %8s %8s%n",
                    "family",
                    "requests",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "2xx %",
                    "429 %",
                    "5xx");
            long fivexx = 0;
            for (Family f : Family.values()) {
                Tally t = Tally.merge(f, tallies);
                fivexx += t.serverErrors();
                System.out.printf(
                        Locale.ROOT,
                        "%-9s %9d %9.0f %9.1f %9.1f %8.1f %8.1f %8d%n",
                        f.label,
                        t.requests(),
                        t.requests() / (double) seconds,
                        t.percentileMillis(50),
                        t.percentileMillis(99),
                        100.0 * t.ok() / Math.max(1, t.requests()),
                        100.0 * t.tooMany() / Math.max(1, t.requests()),
                        t.serverErrors());
                if (t.otherStatuses() > 0 || t.failures() > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "          other 4xx %d, timeouts or resets %d%n",
                            t.otherStatuses(),
                            t.failures());
                }
            }
            System.out.printf(Locale.ROOT, "longest Retry-After seen: %d s%n", retryAfter);
            for (Service s : Service.values()) {
                System.out.printf(Locale.ROOT, "peak RSS %-14s %5d MiB%n", s.module(), peakRss.get(s) >> 20);
            }
            boolean recovered = recovery.values().stream().allMatch(ms -> ms >= 0);
            recovery.forEach((f, ms) -> System.out.printf(
                    Locale.ROOT,
                    "after the load, %-9s %s%n",
                    f.label,
                    ms >= 0 ? "answered 200 within " + ms + " ms" : "did not answer 200 within " + RECOVERY_LIMIT));
            System.out.printf(Locale.ROOT, "stack-trace lines the services logged during the run: %d%n", stackTraces);
            if (fivexx > 0 || !recovered || stackTraces > 0) {
                System.out.println("FAILED: the stack must answer no 5xx, log no stack trace and recover");
                System.exit(1);
            }
            System.out.println("OK: no 5xx, no stack trace, every family answers normally after the load");
        }
    }

    private static List<Tally> run(Map<Family, Endpoint> endpoints, int clients, Duration length)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Family[] families = Family.values();
        for (int i = 0; i < clients; i++) {
            Family family = families[i % families.length];
            Endpoint endpoint = endpoints.get(family);
            Tally tally = new Tally(family);
            tallies.add(tally);
            threads.add(new Thread(() -> loop(endpoint, tally, stop), "client-" + i));
        }
        threads.forEach(Thread::start);
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return tallies;
    }

    private static void loop(Endpoint endpoint, Tally tally, AtomicBoolean stop) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        while (!stop.get()) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = endpoint.send(http);
                tally.record(
                        response.statusCode(),
                        System.nanoTime() - start,
                        response.headers().firstValue("Retry-After").orElse(null));
            } catch (Exception e) {
                tally.failure();
            }
        }
    }

    /** After the load: wait out the longest Retry-After, then the time until each family answers 200. */
    private static Map<Family, Long> recover(Map<Family, Endpoint> endpoints, long retryAfterSeconds)
            throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(Math.min(retryAfterSeconds, 10)).toMillis());
        HttpClient http = HttpClient.newHttpClient();
        Map<Family, Long> recovery = new EnumMap<>(Family.class);
        for (Map.Entry<Family, Endpoint> e : endpoints.entrySet()) {
            long start = System.nanoTime();
            long took = -1;
            while (System.nanoTime() - start < RECOVERY_LIMIT.toNanos()) {
                try {
                    if (e.getValue().send(http).statusCode() == 200) {
                        took = (System.nanoTime() - start) / 1_000_000;
                        break;
                    }
                } catch (Exception ignored) {
                    // not yet: try again
                }
                Thread.sleep(100);
            }
            recovery.put(e.getKey(), took);
        }
        return recovery;
    }

    private static Map<Family, Endpoint> endpoints(LocalStack stack) throws Exception {
        Map<String, String> tokens = stack.demoTokens();
        URI gateway = stack.uri(Service.GATEWAY);
        URI policy = stack.uri(Service.POLICY);
        URI audit = stack.uri(Service.AUDIT);
        String transfer = createTransfer(gateway, tokens.get("SUBMITTER_UMCU"));
        String precheckBody = DemoTransferRequest.json(1 << 20, "0".repeat(64));
        Map<Family, Endpoint> endpoints = new EnumMap<>(Family.class);
        endpoints.put(
                Family.PRECHECK,
                new Endpoint(
                        gateway.resolve("/api/v1/transfers/precheck"),
                        precheckBody,
                        tokens.get("SUBMITTER_UMCU"),
                        tokens.get("SUBMITTER_LUMC"),
                        tokens.get("SUBMITTER_RIVM")));
        endpoints.put(
                Family.STATUS,
                new Endpoint(gateway.resolve("/api/v1/transfers/" + transfer), null, tokens.get("SUBMITTER_UMCU")));
        endpoints.put(
                Family.REVIEWS,
                new Endpoint(
                        policy.resolve("/api/v1/reviews?limit=20"),
                        null,
                        tokens.get("REVIEWER"),
                        tokens.get("REVIEWER_2"),
                        tokens.get("SENIOR_REVIEWER")));
        endpoints.put(
                Family.AUDIT,
                new Endpoint(audit.resolve("/api/v1/audit/entries?limit=20"), null, tokens.get("ANALYST")));
        endpoints.put(Family.PUBLIC, new Endpoint(audit.resolve("/api/v1/public/figures"), null));
        return endpoints;
    }

    private static String createTransfer(URI gateway, String token) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(gateway.resolve("/api/v1/transfers"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        DemoTransferRequest.json(1 << 20, "0".repeat(64))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = ID.matcher(created.body());
        if (!m.find()) {
            throw new IllegalStateException("create failed: " + created.body());
        }
        return m.group(1);
    }

    private static Map<Service, Long> logSizes(LocalStack stack) throws Exception {
        Map<Service, Long> sizes = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            sizes.put(s, Files.size(stack.logFile(s)));
        }
        return sizes;
    }

    /** Lines of Java stack traces ({@code "\tat "} frames) the services logged since the given sizes. */
    private static long stackTraceLines(LocalStack stack, Map<Service, Long> from) throws Exception {
        long count = 0;
        for (Service s : Service.values()) {
            byte[] all = Files.readAllBytes(stack.logFile(s));
            int start = (int) Math.min(all.length, from.get(s));
            String added = new String(all, start, all.length - start, StandardCharsets.UTF_8);
            try (Stream<String> lines = added.lines()) {
                count += lines.filter(l -> l.startsWith("\tat ")).count();
            }
        }
        return count;
    }

    static long retryAfterSeconds(String header) {
        return header != null && RETRY_AFTER.matcher(header).matches() ? Long.parseLong(header) : 0;
    }

    /** The endpoint families of the run, with the label they are reported under. */
    enum Family {
        PRECHECK("precheck"),
        STATUS("status"),
        REVIEWS("reviews"),
        AUDIT("audit"),
        PUBLIC("public");

        private final String label;

        Family(String label) {
            this.label = label;
        }
    }

    /** One request a client repeats: GET, or POST of a JSON body; with a token, rotating over several. */
    private record Endpoint(URI uri, String jsonBody, String... tokens) {

        HttpResponse<String> send(HttpClient http) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
            if (tokens.length > 0) {
                String token = tokens[(int) (Thread.currentThread().getId() % tokens.length)];
                request.header("Authorization", "Bearer " + token);
            }
            if (jsonBody != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return uri.getPath();
        }
    }
}
