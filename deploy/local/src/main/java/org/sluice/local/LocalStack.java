package org.sluice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.embedded.EmbeddedKafka;
import org.sluice.embedded.ServiceJvm;
import org.sluice.embedded.TokenIssuer;

/**
 * Sluice on one machine: a real Kafka broker (KRaft, in this JVM), a real PostgreSQL (one schema per
 * service), the three services as child JVMs from their built jars, demo keys and tokens, and the demo
 * data. Everything lives under the state directory and survives a stop and a restart: the broker's log,
 * the database, payloads, keys (owner-only files) and logs; the demo data is loaded once, into a new
 * stack. The end-to-end tests drive the same stack.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);
    /** Issuer of the demo tokens. */
    public static final String ISSUER = "https://sluice.local/issuer";

    /** Partitions of topics the broker creates by itself (none of Sluice's own: those have settings). */
    private static final int PARTITIONS = 3;
    /** Written once the demo data is in: a restarted stack keeps its state instead of loading it again. */
    private static final String SEEDED_MARKER = "demo-seeded";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private final StackOptions options;
    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final TokenIssuer tokens;
    private final Map<Service, ServiceJvm> services = new EnumMap<>(Service.class);
    private final List<ServiceJvm> replicas = new CopyOnWriteArrayList<>();
    private final Map<String, String> demoTokens = new LinkedHashMap<>();
    private final Path keyDirectory;

    private LocalStack(
            StackOptions options,
            EmbeddedKafka kafka,
            EmbeddedDatabase database,
            TokenIssuer tokens,
            Path keyDirectory) {
        this.options = options;
        this.kafka = kafka;
        this.database = database;
        this.tokens = tokens;
        this.keyDirectory = keyDirectory;
    }

    /** Starts everything, loads the demo data if asked, and returns when every service is ready. */
    public static LocalStack start(StackOptions options) {
        Path state = options.stateDirectory();
        if (options.fresh()) {
            wipe(state);
        }
        PrivateFiles.folder(state);
        boolean resumed = Files.exists(state.resolve(SEEDED_MARKER));
        LOG.infof("%s Kafka and PostgreSQL under %s", resumed ? "resuming" : "starting", state);
        CompletableFuture<EmbeddedKafka> kafkaStart =
                CompletableFuture.supplyAsync(() -> EmbeddedKafka.open(state.resolve("kafka/log"), PARTITIONS));
        EmbeddedDatabase database = EmbeddedDatabase.open(state.resolve("postgres/data"), 0);
        EmbeddedKafka kafka = kafkaStart.join();
        SluiceTopics.create(kafka.bootstrapServers(), (short) 1);

        Path keys = PrivateFiles.folder(state.resolve("keys"));
        LocalStack stack = new LocalStack(options, kafka, database, issuer(keys), keys);
        try {
            stack.writeKeys();
            stack.startServices();
            stack.issueDemoTokens();
            if (options.seedDemoData() && !resumed) {
                new DemoSeeder(
                                options.demoDirectory(),
                                stack.uri(Service.GATEWAY),
                                stack.uri(Service.POLICY),
                                stack.demoTokens)
                        .seed();
                PrivateFiles.write(state.resolve(SEEDED_MARKER), "demo data loaded\n");
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The token issuer of this stack: its key is made once and kept, so a restart accepts old tokens. */
    private static TokenIssuer issuer(Path keys) {
        Path privateKey = keys.resolve("jwt-private.pem");
        Path publicKey = keys.resolve("jwt-public.pem");
        String privatePem = PrivateFiles.readIfExists(privateKey);
        String publicPem = PrivateFiles.readIfExists(publicKey);
        if (privatePem != null && publicPem != null) {
            return TokenIssuer.fromPem(ISSUER, privatePem, publicPem);
        }
        TokenIssuer issuer = TokenIssuer.generate(ISSUER);
        PrivateFiles.write(privateKey, issuer.privateKeyPem());
        PrivateFiles.write(publicKey, issuer.publicKeyPem());
        return issuer;
    }

    /** The gateway's signing key and the audit log's checkpoint key: made once, then kept. */
    private void writeKeys() {
        Path gatewaySigning = keyDirectory.resolve("gateway-signing.pem");
        if (!Files.exists(gatewaySigning)) {
            PrivateFiles.write(gatewaySigning, SigningKey.generate().privateKeyPem());
        }
        Path checkpointKey = keyDirectory.resolve("audit-checkpoint.pem");
        Path checkpointPublic = keyDirectory.resolve("audit-checkpoint.pub.pem");
        if (!Files.exists(checkpointKey) || !Files.exists(checkpointPublic)) {
            SigningKey checkpoints = SigningKey.generate();
            PrivateFiles.write(checkpointKey, checkpoints.privateKeyPem());
            // the gateway checks the checkpoints of the audit receipts it puts in manifests with it
            PrivateFiles.write(checkpointPublic, checkpoints.publicKeyPem());
        }
    }

    private void startServices() {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Service service : Service.values()) {
            ServiceJvm process = new ServiceJvm(
                    service.module(),
                    service.runnableJar(options.projectRoot()),
                    options.stateDirectory().resolve("logs").resolve(service.schema() + ".log"),
                    environment(service),
                    JVM_OPTIONS,
                    uri(service));
            services.put(service, process);
            starts.add(CompletableFuture.runAsync(() -> process.start(READY_TIMEOUT)));
        }
        starts.forEach(CompletableFuture::join);
        LOG.info("gateway, policy and audit-consumer are ready");
    }

    /** What each service is told: where the broker and database are, which keys to use. */
    Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(options.ports().get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                keyDirectory.resolve("jwt-public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        Path data = options.stateDirectory().resolve("data").resolve(service.schema());
        switch (service) {
            case GATEWAY -> {
                env.put("SLUICE_GATEWAY_STORE_DIRECTORY", data.resolve("store").toString());
                env.put(
                        "SLUICE_GATEWAY_STAGING_KEY_FILE",
                        options.demoDirectory().resolve("keys/gateway-demo.sec").toString());
                env.put(
                        "SLUICE_GATEWAY_SIGNING_KEY_FILE",
                        keyDirectory.resolve("gateway-signing.pem").toString());
                env.put("SLUICE_GATEWAY_SIGNING_ISSUER", "gateway.local");
                env.put("SLUICE_GATEWAY_POLICY_URL", uri(Service.POLICY).toString());
                // manifests carry the audit receipt of their approval, asked for with a service token
                env.put("SLUICE_GATEWAY_AUDIT_URL", uri(Service.AUDIT).toString());
                env.put(
                        "SLUICE_GATEWAY_AUDIT_TOKEN",
                        tokens.issue("system:gateway", List.of("security-analyst"), null, null, Duration.ofDays(30)));
                env.put(
                        "SLUICE_GATEWAY_AUDIT_LOG_PUBLIC_KEY",
                        keyDirectory.resolve("audit-checkpoint.pub.pem").toString());
                env.put("SLUICE_GATEWAY_AUDIT_POLL_INTERVAL", "1s");
                env.put("SLUICE_GATEWAY_AUDIT_RECEIPT_WAIT", "PT30S");
            }
            case POLICY -> {}
            case AUDIT -> {
                env.put(
                        "SLUICE_AUDIT_CHECKPOINT_KEY_FILE",
                        keyDirectory.resolve("audit-checkpoint.pem").toString());
                // the public transparency page shows the criteria policy publishes
                env.put("SLUICE_AUDIT_PUBLIC_POLICY_URL", uri(Service.POLICY).toString());
            }
        }
        env.putAll(options.environment());
        return env;
    }

    private void issueDemoTokens() {
        for (DemoUser user : DemoUser.ALL) {
            demoTokens.put(
                    user.variable(),
                    tokens.issue(
                            user.principal(), user.roles(), user.institution(), user.partner(), Duration.ofHours(12)));
        }
    }

    /** The base URI of a service. */
    public URI uri(Service service) {
        return URI.create("http://localhost:" + options.ports().get(service));
    }

    /** The demo tokens by variable name (see {@link DemoUser}). */
    public Map<String, String> demoTokens() {
        return Map.copyOf(demoTokens);
    }

    /** A token for any principal, roles and bindings, signed by the stack's issuer. */
    public String token(String principal, List<String> roles, String institution, String partner) {
        return tokens.issue(principal, roles, institution, partner, Duration.ofHours(1));
    }

    /** The broker's bootstrap servers. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The database's JDBC URL (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** The stack's state directory. */
    public Path stateDirectory() {
        return options.stateDirectory();
    }

    /** The log file of a service. */
    public Path logFile(Service service) {
        return services.get(service).logFile();
    }

    /** Peak resident set size of a service's JVM so far ({@code VmHWM}), in bytes. */
    public long peakRssBytes(Service service) throws IOException {
        return services.get(service).peakRssBytes();
    }

    /** Stops one service gracefully. */
    public void stop(Service service) {
        services.get(service).stop();
    }

    /** Kills one service abruptly, as a crash would. */
    public void kill(Service service) {
        services.get(service).kill();
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void restart(Service service) {
        ServiceJvm process = services.get(service);
        process.stop();
        process.start(READY_TIMEOUT);
    }

    /**
     * Starts one more replica of a service and waits until it is ready: another child JVM of the same jar
     * with the same configuration (broker, database, payload store, keys, so the same consumer groups share
     * the partitions) but its own HTTP port and log file. It is stopped with the stack; kill or stop it
     * earlier through the returned process.
     */
    public ServiceJvm startReplica(Service service, int port) {
        Map<String, String> env = environment(service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceJvm replica = new ServiceJvm(
                service.module() + " replica on port " + port,
                service.runnableJar(options.projectRoot()),
                options.stateDirectory().resolve("logs").resolve(service.schema() + "-" + port + ".log"),
                env,
                JVM_OPTIONS,
                URI.create("http://localhost:" + port));
        replicas.add(replica);
        return replica.start(READY_TIMEOUT);
    }

    /** Stops the replicas and the services, then the broker and the database. */
    @Override
    public void close() {
        replicas.forEach(ServiceJvm::stop);
        services.values().forEach(ServiceJvm::stop);
        try {
            kafka.close();
        } finally {
            database.close();
        }
    }

    private static void wipe(Path state) {
        if (!Files.exists(state)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(state))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + state, e);
        }
    }
}
