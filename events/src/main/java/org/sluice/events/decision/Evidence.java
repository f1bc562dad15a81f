package org.sluice.events.decision;

import jakarta.annotation.Nullable;

/**
 * A record a reason rests on: the screening-list entry matched, the licence or agreement checked, the
 * emergency applied.
 *
 * @param kind what the id names: {@code SCREENING_ENTRY}, {@code LICENCE}, {@code DSA}, {@code EMERGENCY},
 *     {@code PARTNER}, {@code COUNTRY}, or a kind a bundle adds
 * @param id the record's id, e.g. {@code SYN-SDN-40218}
 * @param detail a short human detail, e.g. {@code score 0.93, alias 'Mohammad Reza Tabrizian-Sohi'}
 */
public record Evidence(String kind, String id, @Nullable String detail) {
    public static final String SCREENING_ENTRY = "SCREENING_ENTRY";
    public static final String LICENCE = "LICENCE";
    public static final String DSA = "DSA";
    public static final String EMERGENCY = "EMERGENCY";
    public static final String PARTNER = "PARTNER";
    public static final String COUNTRY = "COUNTRY";
}
