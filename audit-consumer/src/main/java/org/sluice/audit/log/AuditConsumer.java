package org.sluice.audit.log;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.sluice.audit.Channels;
import org.sluice.audit.checkpoint.Checkpointer;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.EventDecodingException;
import org.sluice.platform.PlatformConfig;

/**
 * Reads every audited topic in batches and appends them. A record that is not a Sluice CloudEvent goes
 * to its dead-letter topic; events of types this version does not know are appended like any other
 * (the log keeps everything that travelled). The batch's offsets are committed by the connector only
 * after this method returns, that is after the append committed and the dead letters were acknowledged;
 * a crash in between redelivers the batch, and the log recognises the ids it already holds.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);
    private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

    private final AuditLog log;
    private final DeadLetters deadLetters;
    private final Checkpointer checkpointer;
    private final PlatformConfig.ConsumerConfig retry;
    private final EventCodec codec = new EventCodec();

    public AuditConsumer(AuditLog log, DeadLetters deadLetters, Checkpointer checkpointer, PlatformConfig platform) {
        this.log = log;
        this.deadLetters = deadLetters;
        this.checkpointer = checkpointer;
        this.retry = platform.consumer();
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public void onBatch(ConsumerRecords<String, byte[]> records) throws Exception {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue; // a tombstone of a compacted topic carries no event
            }
            try {
                events.add(new IncomingEvent(codec.decodeRaw(record.value()), record.topic()));
            } catch (EventDecodingException e) {
                deadLettered.add(deadLetters.send(record, e.getMessage()));
            }
        }
        checkpointer.afterAppend(appendWithRetries(events).treeSize());
        try {
            CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new))
                    .get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letters were not acknowledged; the batch is read again", e);
        }
    }

    private Appended appendWithRetries(List<IncomingEvent> events) throws InterruptedException {
        long backoff = retry.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return log.append(events);
            } catch (RuntimeException e) {
                if (attempt >= retry.maxAttempts()) {
                    LOG.errorf(e, "cannot append a batch of %d events after %d attempts", events.size(), attempt);
                    throw e;
                }
                LOG.warnf("append of %d events failed (attempt %d), retrying: %s", events.size(), attempt, e);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }
}
