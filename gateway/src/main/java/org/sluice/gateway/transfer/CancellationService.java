package org.sluice.gateway.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.gateway.staging.StagingArea;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;

/** Withdraws a transfer before it is sealed: {@code TransferCancelled} is published and staged data purged. */
@ApplicationScoped
public class CancellationService {

    private static final int MAX_REASON_CHARS = 500;

    private final TransferRepository transfers;
    private final StagingArea staging;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;

    public CancellationService(
            TransferRepository transfers, StagingArea staging, Outbox outbox, EventPublisher publisher, Clock clock) {
        this.transfers = transfers;
        this.staging = staging;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Cancels one of the institution's transfers; 409 once it was sealed or has ended. */
    @Transactional
    public void cancel(String transferId, String institution, Principal actor, String reason) {
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw ProblemException.invalidField(
                    "reason", "maxLength", "at most " + MAX_REASON_CHARS + " characters are kept");
        }
        TransferRecord t = transfers
                .lock(transferId)
                .filter(x -> x.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("transfer " + transferId));
        if (!t.state().cancellable()) {
            throw ProblemException.conflict(
                    "not-cancellable",
                    "Transfer cannot be cancelled",
                    "transfer " + transferId + " is " + t.state()
                            + "; only a transfer not yet sealed can be cancelled");
        }
        Event<TransferCancelled> cancelled =
                publisher.event(actor, new TransferCancelled(transferId, institution, reason));
        outbox.add(cancelled);
        transfers.changeState(transferId, TransferState.CANCELLED, clock.instant(), cancelled.id());
        staging.purge(transferId);
    }
}
