package org.sluice.gateway.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewOpened;
import org.sluice.gateway.transfer.Lifecycle;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.PoisonRecordException;

/**
 * Applies policy's review case events to the status projection: an opened case puts the transfer in
 * review (unless the decision settling it came first) with its deadline; an escalation moves the deadline.
 */
@ApplicationScoped
public class ReviewProjector {

    private static final Logger LOG = Logger.getLogger(ReviewProjector.class);

    private final TransferRepository transfers;
    private final ReviewRepository reviews;

    public ReviewProjector(TransferRepository transfers, ReviewRepository reviews) {
        this.transfers = transfers;
        this.reviews = reviews;
    }

    /** Applies a {@code ReviewOpened} announced by event {@code eventId} at {@code openedAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(ReviewOpened opened, String eventId, Instant openedAt) {
        TransferRecord transfer = owned(opened.transferId(), opened.institutionId(), opened.reviewId());
        boolean settled =
                reviews.find(opened.reviewId()).map(r -> r.closedAt() != null).orElse(false);
        reviews.opened(
                opened.reviewId(), transfer.id(), opened.kind(), opened.decisionId(), openedAt, opened.deadline());
        if (settled) {
            LOG.debugf("review %s of %s was settled before it was seen opening", opened.reviewId(), transfer.id());
            return;
        }
        Optional<TransferState> next = Lifecycle.afterReviewOpened(transfer.state(), opened.kind());
        if (next.isPresent()) {
            transfers.changeState(transfer.id(), next.get(), openedAt, eventId);
        }
    }

    /** Applies a {@code ReviewEscalated}: the new deadline, and the escalated flag. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalated(ReviewEscalated escalated) {
        TransferRecord transfer = transfers
                .lock(escalated.transferId())
                .orElseThrow(() -> new PoisonRecordException("review " + escalated.reviewId() + " concerns transfer "
                        + escalated.transferId() + ", which this gateway never received"));
        reviews.escalated(escalated.reviewId(), transfer.id(), escalated.newDeadline(), escalated.escalatedToRole());
    }

    private TransferRecord owned(String transferId, String institutionId, String reviewId) {
        TransferRecord transfer = transfers
                .lock(transferId)
                .orElseThrow(() -> new PoisonRecordException("review " + reviewId + " concerns transfer " + transferId
                        + ", which this gateway never received"));
        if (!transfer.institutionId().equals(institutionId)) {
            throw new PoisonRecordException("review " + reviewId + " names institution " + institutionId
                    + ", but transfer " + transferId + " belongs to " + transfer.institutionId());
        }
        return transfer;
    }
}
