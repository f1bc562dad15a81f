package org.sluice.policy.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sluice.events.Event;
import org.sluice.events.Topic;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.json.EventCodec;
import org.sluice.events.review.ReviewVoteCast;
import org.sluice.testsupport.KafkaResource;

/**
 * Invariant (d) of the model test: what the audit consumer is fed. Reads {@code sluice.transfer.decided} and
 * {@code sluice.review} as they grow and counts each decision and each vote; a run's decisions and votes
 * must each have been published exactly once.
 */
final class PublishedEvents {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Integer> decisions = new HashMap<>();
    private final Map<String, Integer> votes = new HashMap<>();

    private PublishedEvents(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "model-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topic.TRANSFER_DECIDED.topicName(), Topic.REVIEW.topicName()));
    }

    static PublishedEvents ofTestBroker() {
        return new PublishedEvents(KafkaResource.bootstrapServers());
    }

    /** What of the run was not published exactly once (waiting a while for the outbox to catch up). */
    List<String> check(ModelWorld.Stats run) {
        long deadline = System.nanoTime() + PUBLISH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !allSeen(run)) {
            poll();
        }
        poll();
        List<String> broken = new ArrayList<>();
        for (String id : run.decisionIds()) {
            int n = decisions.getOrDefault(id, 0);
            if (n != 1) {
                broken.add("(d) decision " + id + " was published " + n + " times");
            }
        }
        for (String vote : run.votes()) {
            int n = votes.getOrDefault(vote, 0);
            if (n != 1) {
                broken.add("(d) vote " + vote + " was published " + n + " times");
            }
        }
        return broken;
    }

    private boolean allSeen(ModelWorld.Stats run) {
        return decisions.keySet().containsAll(run.decisionIds())
                && votes.keySet().containsAll(run.votes());
    }

    private void poll() {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
            Event<?> e;
            try {
                e = codec.decode(r.value());
            } catch (Exception notAnEvent) {
                continue;
            }
            if (e.data() instanceof TransferDecided d) {
                decisions.merge(d.decisionId(), 1, Integer::sum);
            } else if (e.data() instanceof ReviewVoteCast v) {
                votes.merge(v.reviewId() + "|" + e.actor().id(), 1, Integer::sum);
            }
        }
    }
}
