package org.sluice.events.decision;

import java.util.Collection;

/**
 * Who may approve a transfer although a reason of this class stands against it. Every reason code of a
 * bundle has one; a decision's authority is checked against the strongest class among the engine's
 * reasons at the moment of the decision.
 */
public enum OverrideClass {
    /** People may not lift it at all: an appeal can only correct the facts and ask again. */
    NONE(Integer.MAX_VALUE),
    /** Two distinct eligible reviewers, a senior among them. */
    FOUR_EYES(2),
    /** One eligible reviewer. */
    ONE_REVIEWER(1);

    private final int approvers;

    OverrideClass(int approvers) {
        this.approvers = approvers;
    }

    /** Approving people it takes to decide against a reason of this class (unreachable for NONE). */
    public int approvers() {
        return approvers;
    }

    /** Whether people may approve against it at all. */
    public boolean liftable() {
        return this != NONE;
    }

    /** Whether this class demands at least as much as the other. */
    public boolean atLeast(OverrideClass other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * The strongest class among the reasons; {@link #ONE_REVIEWER} when there are none. A reason
     * without a class (an event from before classes existed) counts as {@link #NONE}: unknown authority
     * is no authority.
     */
    public static OverrideClass strongest(Collection<Reason> reasons) {
        OverrideClass strongest = ONE_REVIEWER;
        for (Reason r : reasons) {
            OverrideClass c = r.override() == null ? NONE : r.override();
            if (c.atLeast(strongest)) {
                strongest = c;
            }
        }
        return strongest;
    }
}
