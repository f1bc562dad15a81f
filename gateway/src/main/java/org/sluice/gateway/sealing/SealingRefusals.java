package org.sluice.gateway.sealing;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.Event;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.gateway.transfer.Lifecycle;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Records an approval the gateway will not act on ({@link SealingGuard}): nothing is sealed, the decision
 * is not taken as the transfer's decision and closes no case, the transfer moves to REFUSED (when the
 * approval would have moved it at all) with the refusal in its status, and {@code SealingRefused} goes out
 * through the outbox in the caller's transaction, so the audit log records it.
 */
@ApplicationScoped
public class SealingRefusals {

    private static final Logger LOG = Logger.getLogger(SealingRefusals.class);

    private final TransferRepository transfers;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public SealingRefusals(
            TransferRepository transfers, Outbox outbox, EventPublisher publisher, MeterRegistry meters) {
        this.transfers = transfers;
        this.outbox = outbox;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** Refuses an approval; the caller holds the transfer's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuse(
            TransferRecord transfer, TransferDecided approval, SealingGuard.Refusal refusal, Instant decidedAt) {
        Event<SealingRefused> event = publisher.event(
                SealingService.GATEWAY,
                new SealingRefused(
                        transfer.id(), transfer.partnerId(), approval.decisionId(), refusal.codes(), refusal.reason()));
        outbox.add(event);
        transfers.recordRefusal(
                transfer.id(),
                new SealingRefusalView(
                        approval.decisionId(),
                        approval.outcome(),
                        approval.source(),
                        approval.reviewId(),
                        refusal.causes(),
                        refusal.codes(),
                        refusal.deciders(),
                        refusal.requiredDeciders(),
                        refusal.reason(),
                        decidedAt,
                        event.id()));
        Optional<TransferState> wouldBe = Lifecycle.afterDecision(transfer.state(), approval.outcome());
        if (wouldBe.isPresent() && transfer.state() != TransferState.REFUSED) {
            transfers.changeState(transfer.id(), TransferState.REFUSED, decidedAt, event.id());
        }
        meters.counter(
                        "sluice.gateway.sealing.refused",
                        "cause",
                        refusal.cause(),
                        "source",
                        approval.source().name())
                .increment();
        LOG.warnf(
                "refused to seal transfer %s for decision %s (%s, source %s): %s",
                transfer.id(), approval.decisionId(), refusal.cause(), approval.source(), refusal.reason());
    }
}
