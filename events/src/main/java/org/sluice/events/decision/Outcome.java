package org.sluice.events.decision;

import java.util.Collection;

/**
 * The outcome of a decision, and the effect of one reason. Effects combine by severity:
 * {@code DENY > REVIEW > APPROVE_WITH_CONDITIONS > APPROVE}.
 */
public enum Outcome {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    REVIEW,
    DENY;

    /** The more severe of the two. */
    public Outcome combine(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The combined outcome of some effects; {@link #APPROVE} when there are none. */
    public static Outcome combineAll(Collection<Outcome> effects) {
        Outcome result = APPROVE;
        for (Outcome effect : effects) {
            result = result.combine(effect);
        }
        return result;
    }

    /** Whether a package may be sealed for this outcome. */
    public boolean isApproval() {
        return this == APPROVE || this == APPROVE_WITH_CONDITIONS;
    }
}
