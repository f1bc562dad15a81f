package org.sluice.events.decision;

/** Who or what made a decision. */
public enum DecisionSource {
    /** The policy engine on a new request. */
    ENGINE,
    /** Reviewers settling a review case. */
    REVIEW,
    /** Reviewers settling an appeal. */
    APPEAL,
    /** The engine again, because a licence, partner or screening list changed. */
    REEVALUATION;

    /** Whether reviewers made the decision (settling a review case or an appeal), not the engine. */
    public boolean byReviewers() {
        return this == REVIEW || this == APPEAL;
    }
}
