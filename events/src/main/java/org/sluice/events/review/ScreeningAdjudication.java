package org.sluice.events.review;

/**
 * A reviewer's judgement on one screening hit: remembered so the same name is not raised against the
 * same list entry again until the entry changes.
 *
 * @param entryId the list entry
 * @param screenedName the name that was screened
 * @param verdict {@code NOT_THIS_PARTY} or {@code CONFIRMED}
 */
public record ScreeningAdjudication(String entryId, String screenedName, String verdict) {
    public static final String NOT_THIS_PARTY = "NOT_THIS_PARTY";
    public static final String CONFIRMED = "CONFIRMED";
}
