package org.sluice.policy.decision;

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
}
