package org.sluice.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running in this JVM, from the
 * {@code kafka_2.13} jar: the same broker code as production, configured for one node.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Where a durable broker remembers its ports (beside its log directory), so its quorum stays the same. */
    private static final String PORTS_FILE = "kafka-ports.properties";

    private final Path logDir;
    private final int brokerPort;
    private final boolean durable;
    private final KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int brokerPort, boolean durable, KafkaRaftServer server) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.durable = durable;
        this.server = server;
    }

    /**
     * Formats a fresh log directory under {@code parent} and starts a broker on free loopback ports.
     *
     * @param parent where the broker's log directory is created (removed again by {@link #close()})
     * @param defaultPartitions partitions of auto-created topics
     */
    public static EmbeddedKafka start(Path parent, int defaultPartitions) {
        try {
            Files.createDirectories(parent);
            Path logDir = Files.createTempDirectory(parent, "kraft-");
            return run(logDir, FreePorts.pick(), FreePorts.pick(), defaultPartitions, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker", e);
        }
    }

    /**
     * Starts a durable broker on the log directory {@code logDir}, formatting it only the first time: its
     * topics, records and consumer offsets survive a restart. It keeps its ports from one run to the next
     * while they are free.
     *
     * @param defaultPartitions partitions of auto-created topics
     */
    public static EmbeddedKafka open(Path logDir, int defaultPartitions) {
        try {
            Files.createDirectories(logDir);
            Path portsFile = logDir.resolveSibling(PORTS_FILE);
            Properties ports = new Properties();
            if (Files.exists(portsFile)) {
                try (var in = Files.newInputStream(portsFile)) {
                    ports.load(in);
                }
            }
            int brokerPort = reuse(ports.getProperty("broker"));
            int controllerPort = reuse(ports.getProperty("controller"));
            ports.setProperty("broker", Integer.toString(brokerPort));
            ports.setProperty("controller", Integer.toString(controllerPort));
            try (var out = Files.newOutputStream(portsFile)) {
                ports.store(out, "ports of the local stack's broker");
            }
            return run(logDir, brokerPort, controllerPort, defaultPartitions, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker on " + logDir, e);
        }
    }

    /** The remembered port when it is still free, else a new free one. */
    private static int reuse(String remembered) {
        if (remembered != null) {
            int port = Integer.parseInt(remembered);
            try (java.net.ServerSocket probe =
                    new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another process has it now: take a new one
            }
        }
        return FreePorts.pick();
    }

    private static EmbeddedKafka run(Path logDir, int brokerPort, int controllerPort, int partitions, boolean durable) {
        try {
            KafkaConfig config =
                    KafkaConfig.fromProps(properties(logDir, brokerPort, controllerPort, partitions), false);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                try (PrintStream quiet =
                        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
                    new Formatter()
                            .setNodeId(1)
                            .setClusterId(Uuid.randomUuid().toString())
                            .setControllerListenerName("CONTROLLER")
                            .setMetadataLogDirectory(config.metadataLogDir())
                            .addDirectory(logDir.toString())
                            .setPrintStream(quiet)
                            .run();
                }
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(logDir, brokerPort, durable, server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("num.partitions", Integer.toString(partitions));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Creates topics that do not exist yet, with the given partitions, one replica. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of());
    }

    /** Creates topics that do not exist yet, with the given partitions and topic configuration. */
    public void createTopics(Collection<String> names, int partitions, Map<String, String> topicConfig) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1).configs(topicConfig))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + names, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + names, e);
        }
    }

    /** Stops the broker; deletes its log directory unless it is durable. */
    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (!durable) {
                try {
                    Utils.delete(logDir.toFile());
                } catch (IOException e) {
                    // the directory lives under target/; a leftover is harmless
                }
            }
        }
    }
}
