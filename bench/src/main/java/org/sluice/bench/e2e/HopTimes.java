package org.sluice.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.events.Topic;
import org.sluice.events.json.Json;

/**
 * Where the time of upload complete to SEALED goes, hop by hop, read after a run from what the services
 * left behind: each event's creation time (stamped in the transaction that stored it in the outbox, ms),
 * its Kafka record timestamp (the relay's send, after the commit, ms), the consumers' inbox rows and the
 * audit log's entries ({@code now()}: the start of the consuming transaction, µs), the checkpoints' signing
 * times, and the gateway's receipt rows. All clocks are the one machine's wall clock. A hop that the run
 * did not take (no receipts) is left out.
 */
final class HopTimes {

    /** What the driver saw of one transfer: when its upload was answered and when PackageSealed was read. */
    record Observed(String transferId, Instant uploaded, Instant sealedSeen) {}

    private static final String TOTAL = "total: upload answered -> driver reads";

    private record Leaf(long index, Instant appendedAt) {}

    private record Published(String eventId, Instant created, Instant published, JsonNode data) {}

    private HopTimes() {}

    static void report(String bootstrap, String jdbcUrl, List<Observed> transfers) throws Exception {
        Map<String, Published> requested = new HashMap<>();
        Map<String, Published> decided = new HashMap<>();
        Map<String, Published> sealed = new HashMap<>();
        TreeMap<Long, Published> checkpoints = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll(
                bootstrap,
                List.of(
                        Topic.TRANSFER_REQUESTED.topicName(),
                        Topic.TRANSFER_DECIDED.topicName(),
                        Topic.TRANSFER_DELIVERY.topicName(),
                        Topic.AUDIT_CHECKPOINTS.topicName()))) {
            if (r.value() == null) {
                continue;
            }
            JsonNode event = Json.mapper().readTree(r.value());
            Published p = new Published(
                    event.path("id").asText(),
                    Instant.parse(event.path("time").asText()),
                    Instant.ofEpochMilli(r.timestamp()),
                    event.path("data"));
            switch (event.path("type").asText()) {
                case "TransferRequested" -> requested.putIfAbsent(r.key(), p);
                case "TransferDecided" -> decided.putIfAbsent(r.key(), p);
                case "PackageSealed" -> sealed.putIfAbsent(r.key(), p);
                case "CheckpointSigned" ->
                    checkpoints.putIfAbsent(p.data().path("treeSize").asLong(), p);
                default -> {}
            }
        }
        Map<String, Instant> policyConsumed;
        Map<String, Instant> gatewayConsumed;
        Map<String, Leaf> appended = new HashMap<>();
        TreeMap<Long, Instant> signed = new TreeMap<>();
        Map<String, Instant> receiptObtained = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, "")) {
            policyConsumed = inbox(c, "policy", "policy-requests");
            gatewayConsumed = inbox(c, "gateway", "gateway-decisions");
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT event_id, idx, appended_at FROM audit.log_entry WHERE type = 'TransferDecided'")) {
                while (rs.next()) {
                    appended.put(
                            rs.getString(1),
                            new Leaf(rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT tree_size, signed_at FROM audit.checkpoint")) {
                while (rs.next()) {
                    signed.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }
            }
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT transfer_id, obtained_at FROM gateway.audit_receipts"
                            + " WHERE obtained_at IS NOT NULL")) {
                while (rs.next()) {
                    receiptObtained.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }

        Map<String, List<Double>> hops = new LinkedHashMap<>();
        for (String name : List.of(
                "upload answered -> TransferRequested sent",
                "TransferRequested sent -> policy consumes",
                "policy consumes -> TransferDecided created",
                "TransferDecided created -> sent",
                "TransferDecided sent -> gateway consumes",
                "TransferDecided sent -> audit appends",
                "audit appends -> checkpoint signed",
                "checkpoint signed -> CheckpointSigned sent",
                "CheckpointSigned sent -> receipt in gateway",
                "receipt in gateway -> PackageSealed created",
                "gateway consumes -> PackageSealed created",
                "PackageSealed created -> sent",
                "PackageSealed sent -> driver reads it",
                TOTAL)) {
            hops.put(name, new ArrayList<>());
        }
        int complete = 0;
        Map<Observed, Map<String, Double>> byTransfer = new LinkedHashMap<>();
        for (Observed t : transfers) {
            Published req = requested.get(t.transferId());
            Published dec = decided.get(t.transferId());
            Published seal = sealed.get(t.transferId());
            if (req == null || dec == null || seal == null) {
                continue;
            }
            complete++;
            Map<String, Double> mine = new LinkedHashMap<>();
            byTransfer.put(t, mine);
            add(hops, mine, "upload answered -> TransferRequested sent", t.uploaded(), req.published());
            add(
                    hops,
                    mine,
                    "TransferRequested sent -> policy consumes",
                    req.published(),
                    policyConsumed.get(req.eventId()));
            add(
                    hops,
                    mine,
                    "policy consumes -> TransferDecided created",
                    policyConsumed.get(req.eventId()),
                    dec.created());
            add(hops, mine, "TransferDecided created -> sent", dec.created(), dec.published());
            add(
                    hops,
                    mine,
                    "TransferDecided sent -> gateway consumes",
                    dec.published(),
                    gatewayConsumed.get(dec.eventId()));
            Leaf leaf = appended.get(dec.eventId());
            Instant obtained = receiptObtained.get(t.transferId());
            if (leaf != null && obtained != null) {
                Instant appendedAt = leaf.appendedAt();
                add(hops, mine, "TransferDecided sent -> audit appends", dec.published(), appendedAt);
                Map.Entry<Long, Instant> covering = signed.ceilingEntry(leaf.index() + 1);
                if (covering != null) {
                    add(hops, mine, "audit appends -> checkpoint signed", appendedAt, covering.getValue());
                    Published announced = checkpoints.get(covering.getKey());
                    if (announced != null) {
                        add(
                                hops,
                                mine,
                                "checkpoint signed -> CheckpointSigned sent",
                                covering.getValue(),
                                announced.published());
                        add(hops, mine, "CheckpointSigned sent -> receipt in gateway", announced.published(), obtained);
                    }
                }
                add(hops, mine, "receipt in gateway -> PackageSealed created", obtained, seal.created());
            } else {
                add(
                        hops,
                        mine,
                        "gateway consumes -> PackageSealed created",
                        gatewayConsumed.get(dec.eventId()),
                        seal.created());
            }
            add(hops, mine, "PackageSealed created -> sent", seal.created(), seal.published());
            add(hops, mine, "PackageSealed sent -> driver reads it", seal.published(), t.sealedSeen());
            add(hops, mine, TOTAL, t.uploaded(), t.sealedSeen());
        }
        System.out.printf(
                Locale.ROOT,
                "per hop, %d of %d transfers found complete (event times and Kafka timestamps are ms, database times µs)%n",
                complete,
                transfers.size());
        System.out.printf(
                Locale.ROOT, "%-46s %6s %9s %9s %9s %9s%n", "hop", "n", "p50 ms", "p99 ms", "mean ms", "max ms");
        for (Map.Entry<String, List<Double>> hop : hops.entrySet()) {
            List<Double> values = hop.getValue();
            if (values.isEmpty()) {
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-46s %6d %9.1f %9.1f %9.1f %9.1f%n",
                    hop.getKey(),
                    values.size(),
                    percentile(values, 50),
                    percentile(values, 99),
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    Collections.max(values));
        }
        slowest(byTransfer);
    }

    private static void add(
            Map<String, List<Double>> hops, Map<String, Double> mine, String hop, Instant from, Instant to) {
        if (from != null && to != null) {
            double millis = Duration.between(from, to).toNanos() / 1e6;
            hops.get(hop).add(millis);
            mine.put(hop, millis);
        }
    }

    /** The slowest transfers hop by hop, so a tail can be traced to the hop and the moment it happened. */
    private static void slowest(Map<Observed, Map<String, Double>> byTransfer) {
        List<Map.Entry<Observed, Map<String, Double>>> worst = new ArrayList<>(byTransfer.entrySet());
        worst.sort((a, b) -> Double.compare(
                b.getValue().getOrDefault(TOTAL, 0.0), a.getValue().getOrDefault(TOTAL, 0.0)));
        System.out.println("slowest transfers (hops over 100 ms):");
        for (Map.Entry<Observed, Map<String, Double>> t : worst.subList(0, Math.min(5, worst.size()))) {
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Double> hop : t.getValue().entrySet()) {
                if (hop.getValue() > 100 && !hop.getKey().equals(TOTAL)) {
                    line.append(String.format(Locale.ROOT, "  %s %.1f;", hop.getKey(), hop.getValue()));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s uploaded %s total %.1f ms:%s%n",
                    t.getKey().transferId(),
                    t.getKey().uploaded(),
                    t.getValue().getOrDefault(TOTAL, 0.0),
                    line);
        }
    }

    private static Map<String, Instant> inbox(Connection c, String schema, String consumer) throws SQLException {
        Map<String, Instant> at = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT event_id, processed_at FROM " + schema + ".inbox WHERE consumer = ?")) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    at.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return at;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
