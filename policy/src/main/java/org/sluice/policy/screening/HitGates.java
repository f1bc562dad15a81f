package org.sluice.policy.screening;

import java.util.List;
import org.sluice.policy.decision.DecisionAuthority;

/**
 * The open review cases a possible screening hit holds up (implemented by the review queue): clearing
 * the hit decides them as much as a vote does, so it needs the people they need.
 */
public interface HitGates {

    /**
     * An open case whose reasons cite a possible match with the entry.
     *
     * @param reviewId the case
     * @param parties who may never decide its transfer
     * @param excluded people who may not decide it (earlier deciders of an appealed transfer)
     * @param requirement what approving it needs now
     */
    record Gate(
            String reviewId,
            DecisionAuthority.Parties parties,
            List<String> excluded,
            DecisionAuthority.Requirement requirement) {}

    /** The open cases a possible match with this list entry holds up. */
    List<Gate> gatedBy(String entryId);
}
