package org.sluice.policy.decision;

import org.sluice.events.decision.TransferDecided;
import org.sluice.policy.engine.DecisionInputs;

/**
 * Where a REVIEW decision goes for human review (issue 5). Called in the transaction that stores and
 * publishes the decision, so a review case and its decision commit together. The review capability
 * provides an implementation; until then {@link NoReviewQueue} leaves the decision as published.
 */
public interface ReviewQueue {

    /** A decision sent to review was made. */
    void open(TransferDecided decision, DecisionInputs inputs);
}
