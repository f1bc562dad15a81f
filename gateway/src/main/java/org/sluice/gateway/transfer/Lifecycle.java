package org.sluice.gateway.transfer;

import java.util.Optional;
import org.sluice.events.decision.Outcome;
import org.sluice.events.review.ReviewKind;

/** How decisions move a transfer: the pure rules of the status projection. */
public final class Lifecycle {

    private Lifecycle() {}

    /**
     * The state a decision moves a transfer to; empty when the decision is recorded but cannot change the
     * state any more (the transfer was sealed, delivered, cancelled or has ended). A later decision
     * supersedes an earlier one while nothing has been sealed; once sealed, only a denial still counts,
     * and only until the package was fetched.
     */
    public static Optional<TransferState> afterDecision(TransferState current, Outcome outcome) {
        return switch (current) {
            case STAGED, IN_REVIEW, APPROVED, DENIED, APPEALED, REFUSED ->
                Optional.of(
                        switch (outcome) {
                            case APPROVE, APPROVE_WITH_CONDITIONS -> TransferState.APPROVED;
                            case REVIEW -> TransferState.IN_REVIEW;
                            case DENY -> TransferState.DENIED;
                        });
            // a denial overturning the approval withdraws a package nobody has fetched yet
            case SEALED -> outcome == Outcome.DENY ? Optional.of(TransferState.WITHDRAWN) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The state a newly opened review case moves a transfer to: an appealed transfer is in review once its
     * appeal case opens. A case opened for a REVIEW decision changes nothing: that decision, which travels on
     * another topic and may arrive later, moves the transfer, so a transfer is never shown in review without the
     * reasons it is there for.
     */
    public static Optional<TransferState> afterReviewOpened(TransferState current, ReviewKind kind) {
        return kind == ReviewKind.APPEAL && current == TransferState.APPEALED
                ? Optional.of(TransferState.IN_REVIEW)
                : Optional.empty();
    }
}
