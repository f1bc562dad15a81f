package org.sluice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sluice.embedded.FreePorts;
import org.sluice.embedded.ServiceJvm;
import org.sluice.events.Topic;
import org.sluice.events.json.Json;

/**
 * Several replicas, one of each killed mid-stream: two gateways and two policy services (and the audit
 * consumer) share one broker and one database, the replicas of a service in one consumer group. 200
 * transfers go in through both gateways alternately; after a third of them one gateway and one policy
 * service die by SIGKILL, and the rest go in through the surviving gateway (a submission cut off by the
 * crash is retried there with the same {@code Idempotency-Key}). Every transfer ends SEALED, decided once,
 * sealed once, audited once, with exactly one package for the partner; no event is in the audit log twice.
 * The dead replicas' partitions move to the survivors only when their Kafka sessions expire (45 s by
 * default), so most of the run's time is that wait.
 */
class ReplicaKillIT {

    private static final int TRANSFERS = 200;
    private static final int KILL_AFTER = TRANSFERS / 3;
    private static final int SUBMITTING_THREADS = 4;
    private static final String SUBMITTER = "SUBMITTER_UMCU";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A gateway replica the submissions can go to. */
    private record Gateway(String name, URI uri, BooleanSupplier alive) {}

    /** One HTTP answer. */
    private record Answer(int status, String body, boolean replayed) {}

    @Test
    void killingAGatewayAndAPolicyReplicaMidStreamLosesAndDoublesNothing() throws Exception {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("sluice.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, FreePorts.pick());
        }
        StackOptions options = StackOptions.defaults(root)
                .withPorts(ports)
                .withStateDirectory(Path.of("target", "replica-stack").toAbsolutePath())
                .withFresh(true);

        try (LocalStack stack = LocalStack.start(options)) {
            CompletableFuture<ServiceJvm> gatewayStart =
                    CompletableFuture.supplyAsync(() -> stack.startReplica(Service.GATEWAY, FreePorts.pick()));
            ServiceJvm policyReplica = stack.startReplica(Service.POLICY, FreePorts.pick());
            ServiceJvm gatewayReplica = gatewayStart.join();
            report("stack and replicas ready after %d s", seconds(started));

            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                // both replicas of each service own some partitions before anything is submitted
                awaitSharedPartitions(admin, "sluice-policy", Topic.TRANSFER_REQUESTED.topicName());
                awaitSharedPartitions(admin, "sluice-gateway", Topic.TRANSFER_DECIDED.topicName());
            }

            List<Gateway> gateways = List.of(
                    new Gateway("gateway", stack.uri(Service.GATEWAY), () -> true),
                    new Gateway("gateway replica", gatewayReplica.baseUri(), gatewayReplica::isAlive));
            Submissions submissions = new Submissions(stack, gateways);
            long submitting = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(SUBMITTING_THREADS);
            List<Future<?>> workers = new ArrayList<>();
            try {
                for (int t = 0; t < SUBMITTING_THREADS; t++) {
                    workers.add(pool.submit(submissions::work));
                }
                Awaitility.await("a third of the submissions")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> submissions.done.get() >= KILL_AFTER || submissions.failed());
                gatewayReplica.kill();
                policyReplica.kill();
                submissions.killedAt = submissions.done.get();
                report("killed a gateway and a policy replica after %d submissions", submissions.killedAt);
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(submissions.failure).as("submission failure").isNull();
            long submitted = seconds(submitting);
            assertThat(gatewayReplica.isAlive()).isFalse();
            assertThat(policyReplica.isAlive()).isFalse();

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                ids.add(submissions.ids.get(i));
            }
            assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSize(TRANSFERS);

            URI gateway = stack.uri(Service.GATEWAY);
            URI audit = stack.uri(Service.AUDIT);
            Map<String, String> tokens = stack.demoTokens();
            Map<String, String> decisionIds = awaitAllSealed(gateway, tokens.get(SUBMITTER), ids);
            long sealed = seconds(started);

            // the audit consumer has taken in everything there is: its log stops growing
            List<JsonNode> log = awaitQuietAuditLog(audit, tokens.get("ANALYST"));

            Map<String, Map<String, Integer>> typesByTransfer = new HashMap<>();
            Set<String> eventIds = new HashSet<>();
            List<String> duplicateEventIds = new ArrayList<>();
            for (JsonNode line : log) {
                String eventId = line.path("eventId").asText();
                if (!eventIds.add(eventId)) {
                    duplicateEventIds.add(eventId);
                }
                JsonNode event = line.path("entry");
                typesByTransfer
                        .computeIfAbsent(event.path("subject").asText(), k -> new HashMap<>())
                        .merge(event.path("type").asText(), 1, Integer::sum);
            }
            assertThat(duplicateEventIds)
                    .as("event ids in the audit log more than once")
                    .isEmpty();
            long requestedInLog = count(typesByTransfer, "TransferRequested");
            long decidedInLog = count(typesByTransfer, "TransferDecided");
            long sealedInLog = count(typesByTransfer, "PackageSealed");

            // every transfer's own trail: requested, decided and sealed exactly once, the decision the gateway shows
            int trailEntries = 0;
            for (String id : ids) {
                JsonNode trail = get(audit, "/api/v1/audit/transfers/" + id, tokens.get("ANALYST"));
                List<String> types = Api.types(trail);
                trailEntries += types.size();
                assertThat(types.stream().filter("TransferRequested"::equals))
                        .as("TransferRequested of %s in %s", id, types)
                        .hasSize(1);
                assertThat(types.stream().filter("TransferDecided"::equals))
                        .as("TransferDecided of %s in %s", id, types)
                        .hasSize(1);
                assertThat(types.stream().filter("PackageSealed"::equals))
                        .as("PackageSealed of %s in %s", id, types)
                        .hasSize(1);
                List<String> trailEventIds = new ArrayList<>();
                String decided = null;
                for (JsonNode entry : trail.path("entries")) {
                    trailEventIds.add(entry.path("eventId").asText());
                    if ("TransferDecided".equals(entry.path("type").asText())) {
                        decided = entry.path("data").path("decisionId").asText();
                    }
                }
                assertThat(trailEventIds).as("event ids of the trail of %s", id).doesNotHaveDuplicates();
                assertThat(decided).as("decision of %s", id).isEqualTo(decisionIds.get(id));
            }

            // the partner sees one package per transfer (the list is not paged: one answer holds them all)
            JsonNode packages = get(gateway, "/api/v1/partner/packages", tokens.get("PARTNER_CHARITE"));
            assertThat(packages.isArray())
                    .as("partner packages answer is a list")
                    .isTrue();
            Map<String, Integer> packagesByTransfer = new HashMap<>();
            Set<String> packageIds = new HashSet<>();
            packages.forEach(p -> {
                packagesByTransfer.merge(p.path("transferId").asText(), 1, Integer::sum);
                packageIds.add(p.path("packageId").asText());
            });
            for (String id : ids) {
                assertThat(packagesByTransfer.getOrDefault(id, 0))
                        .as("packages for %s", id)
                        .isEqualTo(1);
            }
            assertThat(packageIds).hasSize(packages.size());
            // nothing beyond the 200 was created: no transfer doubled by a retry
            assertThat(requestedInLog).as("TransferRequested in the log").isEqualTo(TRANSFERS);
            assertThat(decidedInLog).as("TransferDecided in the log").isEqualTo(TRANSFERS);
            assertThat(sealedInLog).as("PackageSealed in the log").isEqualTo(TRANSFERS);
            assertThat(packagesByTransfer.keySet()).containsExactlyInAnyOrderElementsOf(ids);

            report(
                    "replicas killed after %d of %d submissions; %d attempts failed on the dying gateway and were"
                            + " retried (%d creations replayed by Idempotency-Key, %d uploads found already staged);"
                            + " submitting took %d s; all %d SEALED %d s after start; %d TransferDecided, %d"
                            + " PackageSealed, %d packages, %d audit entries (%d in the trails), all event ids unique;"
                            + " %d s in all",
                    submissions.killedAt,
                    TRANSFERS,
                    submissions.retried.get(),
                    submissions.replayed.get(),
                    submissions.alreadyStaged.get(),
                    submitted,
                    TRANSFERS,
                    sealed,
                    decidedInLog,
                    sealedInLog,
                    packages.size(),
                    log.size(),
                    trailEntries,
                    seconds(started));
        }
    }

    /** The submissions: each worker takes the next transfer and submits it until it is staged. */
    private final class Submissions {
        private final List<Gateway> gateways;
        private final String token;
        private final byte[] vcf = Demo.vcf();
        private final String request;
        private final String runId = Long.toString(System.currentTimeMillis(), 36);
        private final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger alreadyStaged = new AtomicInteger();
        final AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(TRANSFERS);
        volatile int killedAt = -1;
        volatile Throwable failure;

        Submissions(LocalStack stack, List<Gateway> gateways) {
            this.gateways = gateways;
            this.token = stack.demoTokens().get(SUBMITTER);
            this.request = Demo.requestToCharite(vcf).toString();
        }

        boolean failed() {
            return failure != null;
        }

        void work() {
            try {
                for (int i = next.getAndIncrement(); i < TRANSFERS && !failed(); i = next.getAndIncrement()) {
                    submit(i);
                    done.incrementAndGet();
                }
            } catch (Throwable e) {
                failure = e;
                throw e;
            }
        }

        /** Creates and uploads transfer {@code i}, retrying on the other gateway after a failure, with one key. */
        private void submit(int i) {
            String key = "replica-kill-" + runId + "-" + i;
            AtomicInteger attempt = new AtomicInteger();
            Map<String, String> lastFailure = new ConcurrentHashMap<>();
            Awaitility.await("transfer " + i + " staged (last failure: " + lastFailure + ")")
                    .atMost(Duration.ofMinutes(2))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        int n = attempt.getAndIncrement();
                        Gateway target = gateways.get((i + n) % gateways.size());
                        if (!target.alive().getAsBoolean()) {
                            target = gateways.get((i + n + 1) % gateways.size());
                        }
                        if (n > 0) {
                            retried.incrementAndGet();
                        }
                        try {
                            return attempt(i, key, target);
                        } catch (IOException | RetryableAnswer e) {
                            report("transfer %d on %s, attempt %d: %s", i, target.name(), n + 1, e.toString());
                            lastFailure.put("attempt " + (n + 1) + " on " + target.name(), e.toString());
                            return false;
                        }
                    });
        }

        private boolean attempt(int i, String key, Gateway target) throws IOException, InterruptedException {
            Answer created = send(HttpRequest.newBuilder(target.uri().resolve("/api/v1/transfers"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(request)));
            if (created.status() >= 500) {
                throw new RetryableAnswer("create", created);
            }
            assertThat(created.status()).as("create %d: %s", i, created.body()).isEqualTo(201);
            String id = Json.mapper().readTree(created.body()).path("id").asText();
            if (created.replayed()) {
                replayed.incrementAndGet();
            }
            String before = ids.get(i);
            assertThat(before == null || before.equals(id))
                    .as("a retry of transfer %d answers %s, its first attempt %s", i, id, before)
                    .isTrue();
            ids.set(i, id);
            Answer uploaded = send(HttpRequest.newBuilder(target.uri().resolve("/api/v1/transfers/" + id + "/payload"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(vcf)));
            if (uploaded.status() == 200) {
                return true;
            }
            if (uploaded.status() == 409 && uploaded.body().contains("already-staged")) {
                alreadyStaged.incrementAndGet(); // the upload cut off by the crash had gone through
                return true;
            }
            if (uploaded.status() >= 500
                    || uploaded.status() == 409 && uploaded.body().contains("upload-in-progress")) {
                throw new RetryableAnswer("upload", uploaded);
            }
            throw new AssertionError("upload of transfer " + i + " (" + id + "): " + uploaded);
        }
    }

    /** An answer that a retry may cure (the gateway went down under the request). */
    private static final class RetryableAnswer extends RuntimeException {
        RetryableAnswer(String what, Answer answer) {
            super(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    private JsonNode get(URI base, String path, String token) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token));
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    /** Waits until both members of a consumer group own partitions of the topic. */
    private static void awaitSharedPartitions(Admin admin, String group, String topic) {
        Awaitility.await(group + " shares " + topic)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get()
                            .get(group);
                    List<Long> owning = new ArrayList<>();
                    for (MemberDescription member : description.members()) {
                        owning.add(member.assignment().topicPartitions().stream()
                                .filter(p -> p.topic().equals(topic))
                                .count());
                    }
                    report("%s: partitions of %s per member %s", group, topic, owning);
                    return owning.size() == 2 && owning.stream().allMatch(n -> n > 0);
                });
    }

    /** Every transfer's decision id once every transfer is SEALED; fails at once if one ends otherwise. */
    private Map<String, String> awaitAllSealed(URI gateway, String token, List<String> ids) {
        Map<String, String> decisions = new LinkedHashMap<>();
        Set<String> pending = new HashSet<>(ids);
        Awaitility.await("all transfers SEALED")
                .atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    for (String id : List.copyOf(pending)) {
                        JsonNode status = get(gateway, "/api/v1/transfers/" + id, token);
                        String state = status.path("state").asText();
                        assertThat(state).as("state of %s", id).isIn("STAGED", "APPROVED", "SEALED");
                        if ("SEALED".equals(state)) {
                            decisions.put(
                                    id,
                                    status.path("decision").path("decisionId").asText());
                            pending.remove(id);
                        }
                    }
                    report("%d of %d transfers sealed", ids.size() - pending.size(), ids.size());
                    return pending.isEmpty();
                });
        return decisions;
    }

    /** The whole audit log (NDJSON export) once it has stopped growing for a few seconds. */
    private List<JsonNode> awaitQuietAuditLog(URI audit, String token) {
        List<List<JsonNode>> last = new ArrayList<>();
        Awaitility.await("the audit log stops growing")
                .atMost(Duration.ofMinutes(1))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    List<JsonNode> now = export(audit, token);
                    boolean quiet = !last.isEmpty() && last.get(0).size() == now.size();
                    last.clear();
                    last.add(now);
                    return quiet;
                });
        return last.get(0);
    }

    private List<JsonNode> export(URI audit, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(audit.resolve("/api/v1/audit/export?format=ndjson"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).as("audit export").isEqualTo(200);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(Json.mapper().readTree(line));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return lines;
    }

    private static long count(Map<String, Map<String, Integer>> typesByTransfer, String type) {
        return typesByTransfer.values().stream()
                .mapToLong(types -> types.getOrDefault(type, 0))
                .sum();
    }

    /** Progress and figures, on standard output (the failsafe report keeps it). */
    private static void report(String format, Object... args) {
        System.out.println("[ReplicaKillIT] " + String.format(Locale.ROOT, format, args));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
