package org.sluice.gateway.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.sluice.events.Event;
import org.sluice.events.Topic;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.EventDecodingException;
import org.sluice.gateway.GatewayConfig;

/**
 * Learns of the audit log's checkpoints from its {@code CheckpointSigned} events and wakes the
 * {@link ReceiptCollector}, so an approval is sealed as soon as a checkpoint covers it rather than at the
 * next poll. Every replica must hear every checkpoint, so this is no consumer group: it assigns itself
 * all partitions of the checkpoints topic and reads on from their end, committing nothing. What was
 * signed before it was positioned is found by the collector's round at start, which it triggers once
 * positioned; a checkpoint missed while the broker is unreachable, by the collector's fallback poll. The
 * broker settings are the service's {@code kafka.*} configuration.
 */
@ApplicationScoped
public class CheckpointListener {

    private static final Logger LOG = Logger.getLogger(CheckpointListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Map<String, Object> kafka;
    private final ReceiptSignal signal;
    private final boolean enabled;
    private final String origin;
    private final EventCodec codec = new EventCodec();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    public CheckpointListener(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            ReceiptSignal signal,
            AuditReceipts receipts,
            GatewayConfig config) {
        this.kafka = kafka;
        this.signal = signal;
        this.enabled = receipts.enabled();
        this.origin = config.audit().origin();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::listen, "sluice-audit-checkpoints");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void listen() {
        long backoff = POLL.toMillis();
        while (running) {
            try (KafkaConsumer<String, byte[]> c = open()) {
                consumer = c;
                if (!running) {
                    return;
                }
                List<TopicPartition> partitions = partitions(c);
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position); // positioned now, not at the first poll
                signal.checkpointSigned(); // anything signed before this point: one round of every awaited receipt
                backoff = POLL.toMillis();
                while (running) {
                    boolean signed = false;
                    for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                        signed |= isCheckpointOfOurLog(r);
                    }
                    if (signed) {
                        signal.checkpointSigned();
                    }
                }
            } catch (WakeupException e) {
                return; // shutting down
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reading %s failed, retrying: %s", Topic.AUDIT_CHECKPOINTS.topicName(), e.toString());
                try {
                    Thread.sleep(backoff); // back-off on the listener's own thread
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            } finally {
                consumer = null;
            }
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-gateway-checkpoints");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions, waiting until the topic exists (an audit log that has not signed yet). */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) throws InterruptedException {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(Topic.AUDIT_CHECKPOINTS.topicName(), POLL.multipliedBy(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
            }
            Thread.sleep(POLL.toMillis()); // waiting for the topic on the listener's own thread
        }
        throw new WakeupException();
    }

    private boolean isCheckpointOfOurLog(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            Event<?> event = codec.decode(record.value());
            return event.data() instanceof CheckpointSigned signed && origin.equals(signed.logId());
        } catch (EventDecodingException e) {
            LOG.debugf(
                    "not a checkpoint event at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }
}
