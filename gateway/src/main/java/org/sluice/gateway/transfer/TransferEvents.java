package org.sluice.gateway.transfer;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state changes of one transfer as a stream: every change so far, then each new one as the status
 * projection records it (read from the database, so changes made by any replica are seen), until the
 * transfer reaches a final state or the stream's time is up.
 */
@ApplicationScoped
public class TransferEvents {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_STREAM = Duration.ofHours(1);

    private final TransferRepository transfers;

    public TransferEvents(TransferRepository transfers) {
        this.transfers = transfers;
    }

    /** The changes after {@code afterSeq} (0 for all), as they happen. */
    public Multi<TransferRepository.Sequenced> follow(String transferId, long afterSeq) {
        AtomicLong last = new AtomicLong(afterSeq);
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(POLL)
                .select()
                .first(MAX_STREAM.dividedBy(POLL))
                // the tick after a final state ends the stream
                .select()
                .first(tick -> !ended.get())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem()
                .transformToIterable(tick -> {
                    List<TransferRepository.Sequenced> changes = transfers.historyAfter(transferId, last.get());
                    for (TransferRepository.Sequenced change : changes) {
                        last.set(change.seq());
                        if (change.entry().state().isFinal()) {
                            ended.set(true);
                        }
                    }
                    return changes;
                });
    }
}
