package org.sluice.audit.publicpage;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as it is published: the number, or a label in its place when it is suppressed. A suppressed
 * count does not keep its value, so nothing downstream can publish it by mistake.
 *
 * @param shown the number, or null when suppressed
 * @param label the text shown instead ({@code <5} below the threshold, {@code withheld} when withheld so
 *     that a suppressed neighbour cannot be worked out from the total), or null when shown
 */
public record PublishedCount(Long shown, String label) {

    /** The text a withheld count shows. */
    public static final String WITHHELD = "withheld";

    static PublishedCount of(long value) {
        return new PublishedCount(value, null);
    }

    static PublishedCount below(int minCount) {
        return new PublishedCount(null, "<" + minCount);
    }

    static PublishedCount withheld() {
        return new PublishedCount(null, WITHHELD);
    }

    /** Whether the number is shown. */
    public boolean isShown() {
        return shown != null;
    }

    /** The JSON form: a number, or the label as a string. */
    @JsonValue
    public Object json() {
        return shown != null ? shown : label;
    }

    /** The text form (CSV, page). */
    public String text() {
        return shown != null ? shown.toString() : label;
    }
}
