package org.sluice.events.decision;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * One matched rule of a decision.
 *
 * @param code the stable machine-readable code (see {@link ReasonCodes})
 * @param ruleId the bundle rule that matched
 * @param title the rule's title
 * @param effect what this reason alone would decide
 * @param citation the legal citation
 * @param explanation why the rule matched, for a human
 * @param remediation what the submitter can do about it
 * @param evidence the records the reason rests on
 * @param override who may approve against this reason (the bundle's class for the code); null only in
 *     events written before classes existed, and then read as {@link OverrideClass#NONE}
 */
public record Reason(
        String code,
        String ruleId,
        String title,
        Outcome effect,
        String citation,
        String explanation,
        String remediation,
        List<Evidence> evidence,
        @Nullable OverrideClass override) {
    public Reason {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether no one may approve against this reason (a hard stop such as an embargo). */
    public boolean hardStop() {
        return !OverrideClass.strongest(List.of(this)).liftable();
    }
}
