package org.sluice.gateway.transfer;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sluice.gateway.review.ReviewView;

/**
 * The state changes of one transfer as a stream: every change so far, then each new one as the status
 * projection records it (read from the database, so changes made by any replica are seen), until the
 * transfer reaches a final state or the stream's time is up. While the transfer is in review, its review
 * case is streamed too: once when the stream sees it, and again whenever its deadline or escalation changes.
 */
@ApplicationScoped
public class TransferEvents {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_STREAM = Duration.ofHours(1);

    private final TransferRepository transfers;
    private final TransferStatus status;

    public TransferEvents(TransferRepository transfers, TransferStatus status) {
        this.transfers = transfers;
        this.status = status;
    }

    /**
     * One item of the stream: a state change, or the review case as it now stands.
     *
     * @param change the state change with its position, or null
     * @param review the open review case, or null
     */
    public record Item(
            @Nullable TransferRepository.Sequenced change,
            @Nullable ReviewView review) {}

    /** The changes after {@code afterSeq} (0 for all), as they happen, with the review case while in review. */
    public Multi<Item> follow(String transferId, long afterSeq) {
        AtomicLong last = new AtomicLong(afterSeq);
        AtomicBoolean ended = new AtomicBoolean();
        AtomicReference<TransferState> state = new AtomicReference<>();
        AtomicReference<String> reviewShown = new AtomicReference<>();
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
                    List<Item> items = new ArrayList<>();
                    for (TransferRepository.Sequenced change : transfers.historyAfter(transferId, last.get())) {
                        last.set(change.seq());
                        state.set(change.entry().state());
                        if (change.entry().state().isFinal()) {
                            ended.set(true);
                        }
                        items.add(new Item(change, null));
                    }
                    if (state.get() == null) {
                        transfers.find(transferId).ifPresent(t -> state.set(t.state()));
                    }
                    if (state.get() == TransferState.IN_REVIEW) {
                        review(transferId).ifPresent(review -> {
                            String shown = review.reviewId() + "|" + review.deadline() + "|" + review.escalated();
                            if (!shown.equals(reviewShown.getAndSet(shown))) {
                                items.add(new Item(null, review));
                            }
                        });
                    }
                    return items;
                });
    }

    private Optional<ReviewView> review(String transferId) {
        return transfers.find(transferId).flatMap(status::review);
    }
}
