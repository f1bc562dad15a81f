package org.sluice.policy.screening;

import java.util.List;

/**
 * One entry of a denied-party list.
 *
 * @param listId the list it is on
 * @param entryId its stable id, cited by decisions
 * @param entity whether it is an entity (legal forms are ignored in its names) rather than an individual
 * @param name its primary name
 * @param altNames its aliases
 * @param countries its countries (empty: unknown)
 * @param programs the sanctions programmes it is listed under
 * @param digest digest of its row, so an adjudication lapses when the entry changes
 */
public record ListEntry(
        String listId,
        String entryId,
        boolean entity,
        String name,
        List<String> altNames,
        List<String> countries,
        List<String> programs,
        String digest) {
    public ListEntry {
        altNames = List.copyOf(altNames);
        countries = List.copyOf(countries);
        programs = List.copyOf(programs);
    }
}
