package org.sluice.cli.delivery;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range} of a 206 answer: {@code bytes first-last/total} (RFC 9110 section 14.4).
 *
 * @param first offset of the first byte sent
 * @param last offset of the last byte sent
 * @param total size of the whole representation
 */
record ContentRange(long first, long last, long total) {
    private static final Pattern SATISFIED = Pattern.compile("^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})$");

    /** The range a header value states, if it is a well-formed, consistent one. */
    static Optional<ContentRange> parse(String header) {
        Matcher m = header == null ? null : SATISFIED.matcher(header.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        return first <= last && last < total ? Optional.of(new ContentRange(first, last, total)) : Optional.empty();
    }
}
