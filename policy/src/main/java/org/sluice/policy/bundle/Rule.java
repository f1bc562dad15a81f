package org.sluice.policy.bundle;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;

/**
 * A rule of a bundle: when its CEL condition holds, the decision gets a reason with its code and effect.
 *
 * @param id unique in the bundle
 * @param code the reason code it gives
 * @param title a short title
 * @param effect what the reason alone decides
 * @param override who may approve against the reason (every rule of a code gives the same class)
 * @param citation the legal basis
 * @param when the CEL condition (a {@code bool})
 * @param evidence an optional CEL expression giving a list of {@code {'kind', 'id', 'detail'}} maps
 * @param explanation why it matched, for a human
 * @param remediation what the submitter can do
 * @param validFrom first day the rule applies, if limited
 * @param validUntil last day it applies (its sunset), if limited
 * @param condition the obligation an approval under this rule carries, if any
 * @param file the bundle file it is written in
 * @param line its line there
 * @param whenLine the line its condition starts on
 */
public record Rule(
        String id,
        String code,
        String title,
        Outcome effect,
        OverrideClass override,
        String citation,
        String when,
        @Nullable String evidence,
        String explanation,
        String remediation,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil,
        @Nullable ConditionSpec condition,
        String file,
        int line,
        int whenLine) {

    /** Whether the rule applies on this day. */
    public boolean appliesOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    /**
     * The obligation an approval under the rule carries.
     *
     * @param description what must be done
     * @param dueWithinDays CEL {@code int}: days after sealing, optional
     * @param reference CEL {@code string}: the licence or emergency imposing it, optional
     */
    public record ConditionSpec(
            String description,
            @Nullable String dueWithinDays,
            @Nullable String reference) {}
}
