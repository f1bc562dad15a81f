package org.sluice.gateway.staging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of one chunk of a resumable upload: bytes {@code first} to {@code last}
 * (inclusive) of a payload of {@code total} bytes.
 *
 * @param first offset of the chunk's first byte
 * @param last offset of its last byte
 * @param total size of the whole payload
 */
public record ContentRange(long first, long last, long total) {

    private static final Pattern FORMAT = Pattern.compile("^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})$");

    /** Number of bytes in the chunk. */
    public long length() {
        return last - first + 1;
    }

    /**
     * Parses a header value.
     *
     * @throws IllegalArgumentException not {@code bytes first-last/total} with {@code first <= last < total}
     */
    public static ContentRange parse(String header) {
        Matcher m = FORMAT.matcher(header.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'bytes <first>-<last>/<total>', found '" + header + "'");
        }
        ContentRange range =
                new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        if (range.first > range.last || range.last >= range.total) {
            throw new IllegalArgumentException(
                    "expected first <= last < total, found " + range.first + "-" + range.last + "/" + range.total);
        }
        return range;
    }
}
