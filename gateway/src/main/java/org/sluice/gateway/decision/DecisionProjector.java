package org.sluice.gateway.decision;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.audit.AuditReceipts;
import org.sluice.gateway.review.AppealRepository;
import org.sluice.gateway.review.ReviewRepository;
import org.sluice.gateway.sealing.PackageRetirement;
import org.sluice.gateway.sealing.SealingGuard;
import org.sluice.gateway.sealing.SealingRefusals;
import org.sluice.gateway.sealing.SealingService;
import org.sluice.gateway.transfer.Lifecycle;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.PoisonRecordException;

/**
 * Applies a decision to the status projection: the decision is recorded (a later one supersedes an
 * earlier one), the review case it settles is closed and the appeal it decides gets its outcome, the state
 * moves as {@link Lifecycle} says, and an approval is sealed in the same transaction, so a crash anywhere
 * leaves either all of it or none. An approval that is not sealable ({@link SealingGuard}) is refused
 * instead, before any of that: it is not recorded as the decision, closes no case and seals nothing.
 */
@ApplicationScoped
public class DecisionProjector {

    private final TransferRepository transfers;
    private final SealingService sealing;
    private final PackageRetirement retirement;
    private final ReviewRepository reviews;
    private final AppealRepository appeals;
    private final AuditReceipts receipts;
    private final MeterRegistry meters;
    private final SealingRefusals refusals;

    public DecisionProjector(
            TransferRepository transfers,
            SealingService sealing,
            PackageRetirement retirement,
            ReviewRepository reviews,
            AppealRepository appeals,
            AuditReceipts receipts,
            MeterRegistry meters,
            SealingRefusals refusals) {
        this.refusals = refusals;
        this.receipts = receipts;
        this.transfers = transfers;
        this.sealing = sealing;
        this.retirement = retirement;
        this.reviews = reviews;
        this.appeals = appeals;
        this.meters = meters;
    }

    /** Applies one decision event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TransferDecided decided, String eventId, Instant decidedAt) {
        TransferRecord transfer = transfers
                .lock(decided.transferId())
                .orElseThrow(() -> new PoisonRecordException("decision " + decided.decisionId() + " concerns transfer "
                        + decided.transferId() + ", which this gateway never received"));
        if (!transfer.institutionId().equals(decided.institutionId())) {
            throw new PoisonRecordException("decision " + decided.decisionId() + " names institution "
                    + decided.institutionId() + ", but transfer " + transfer.id() + " belongs to "
                    + transfer.institutionId());
        }
        Optional<SealingGuard.Refusal> refusal = SealingGuard.check(decided);
        if (refusal.isPresent()) {
            // the one gate every approval passes: an approval that is not sealable is never acted on
            refusals.refuse(transfer, decided, refusal.get(), decidedAt);
            return;
        }
        transfers.recordDecision(transfer.id(), decided, decidedAt);
        // a REVIEW decision naming its case (a re-evaluation that keeps it open) does not close it
        if (decided.reviewId() != null && decided.outcome() != Outcome.REVIEW) {
            reviews.closed(decided.reviewId(), transfer.id(), decided.decisionId(), decidedAt);
        }
        if (decided.source() == DecisionSource.APPEAL) {
            appeals.decided(transfer.id(), decided.outcome(), decided.decisionId(), decidedAt);
        }
        meters.counter("sluice.gateway.decisions", "outcome", decided.outcome().name())
                .increment();
        Optional<TransferState> next = Lifecycle.afterDecision(transfer.state(), decided.outcome());
        if (next.isEmpty()) {
            return;
        }
        if (next.get() == TransferState.WITHDRAWN) {
            retirement.withdraw(transfer, decided, decidedAt);
            return;
        }
        if (next.get() != transfer.state()) {
            transfers.changeState(transfer.id(), next.get(), decidedAt, eventId);
        }
        if (next.get() == TransferState.APPROVED) {
            receipts.expect(decided.decisionId(), transfer.id(), eventId, decidedAt);
            sealing.seal(transfer, decided);
        }
    }
}
