package org.sluice.events;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a topic is laid out in a cluster: the one place for partitions, cleanup and retention, read by the
 * local stack when it creates topics and by the generated Strimzi {@code KafkaTopic} resources of
 * {@code deploy/k8s/}.
 *
 * @param partitions partitions (records are keyed by transfer, so one transfer stays in one)
 * @param compacted whether the topic keeps only the latest record of each key (a changelog)
 * @param retention how long records are kept; null keeps them forever (the event log is the truth)
 */
public record TopicSettings(
        int partitions, boolean compacted, @Nullable Duration retention) {

    /** Dead-letter topics: a month to inspect and replay what failed. */
    public static final TopicSettings DEAD_LETTERS = new TopicSettings(1, false, Duration.ofDays(30));

    /** Kept forever, deleted never. */
    static TopicSettings forever(int partitions) {
        return new TopicSettings(partitions, false, null);
    }

    /** The Kafka topic configuration these settings mean ({@code cleanup.policy}, {@code retention.ms}). */
    public Map<String, String> kafkaConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cleanup.policy", compacted ? "compact" : "delete");
        config.put("retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
        return config;
    }
}
