package org.sluice.events.decision;

import jakarta.annotation.Nullable;

/**
 * An obligation attached to an approval.
 *
 * @param code the reason code that imposed it, e.g. {@code POST_SHIPMENT_VERIFICATION}
 * @param description what must be done
 * @param dueWithinDays days after sealing by which it must be done, if it has a deadline
 * @param reference the licence, emergency or review that imposed it
 */
public record Condition(
        String code,
        String description,
        @Nullable Integer dueWithinDays,
        @Nullable String reference) {}
