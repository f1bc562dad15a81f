package org.sluice.policy.screening;

/**
 * A screened name that resembles a list entry.
 *
 * @param matchClass {@code MATCH} (the same party) or {@code POSSIBLE} (a human must look)
 * @param entryId the list entry, e.g. {@code SYN-SDN-40218}
 * @param listId the list it is on
 * @param score 0..1: how much of the screened name the listed name explains
 * @param screenedName the name as screened
 * @param listedName the entry's name or alias that it resembles
 * @param role what was screened: {@code PARTNER}, {@code END_USER} or {@code END_USER_ORGANISATION}
 * @param relation how they resemble each other, e.g. {@code equivalent}, {@code typing error}
 */
public record ScreeningHit(
        String matchClass,
        String entryId,
        String listId,
        double score,
        String screenedName,
        String listedName,
        String role,
        String relation) {
    public static final String MATCH = "MATCH";
    public static final String POSSIBLE = "POSSIBLE";

    /** The hit as a reviewer's CONFIRMED verdict makes it: the same party. */
    public ScreeningHit confirmed() {
        return new ScreeningHit(
                MATCH, entryId, listId, score, screenedName, listedName, role, "confirmed by adjudication");
    }
}
