package org.sluice.policy.decision;

import java.util.Optional;
import org.sluice.events.decision.TransferDecided;
import org.sluice.policy.engine.DecisionInputs;

/**
 * Where a REVIEW decision goes for human review (issue 5), implemented by
 * {@link org.sluice.policy.review.ReviewService}. Called in the transaction that stores and publishes the
 * decision, so a review case and its decision commit together.
 */
public interface ReviewQueue {

    /** A decision sent to review was made. */
    void open(TransferDecided decision, DecisionInputs inputs);

    /** The transfer no longer needs review (cancelled, or the engine decided it otherwise): closes its open case. */
    void close(String transferId, String reason);

    /**
     * An open review case of a transfer.
     *
     * @param reviewId the case
     * @param requiredVotes approving votes it needs
     * @param seniorRequired whether a senior must be among the approvers
     */
    record OpenCase(String reviewId, int requiredVotes, boolean seniorRequired) {}

    /** The transfer's open case, if it has one. */
    Optional<OpenCase> openCase(String transferId);

    /**
     * A re-evaluation found new reasons but people must still decide: the case stays open with its votes,
     * takes the decision's reason codes, and its requirement rises if the reasons demand more.
     */
    void keep(String reviewId, TransferDecided decision);
}
