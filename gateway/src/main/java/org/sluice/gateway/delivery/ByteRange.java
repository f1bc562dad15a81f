package org.sluice.gateway.delivery;

import java.util.Optional;

/**
 * One byte range of a representation (RFC 9110 section 14): {@code first} to {@code last}, inclusive.
 * Only single ranges are served; a header the gateway does not serve as a range (another unit, several
 * ranges, bad syntax) is ignored, as the RFC allows, and the whole representation is sent.
 *
 * @param first offset of the first byte
 * @param last offset of the last byte
 */
public record ByteRange(long first, long last) {

    /** The whole of a representation of {@code total} bytes. */
    public static ByteRange whole(long total) {
        return new ByteRange(0, total - 1);
    }

    /** Number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of this range of {@code total} bytes. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * The range a {@code Range} header asks for, if it asks for one the gateway serves.
     *
     * @throws UnsatisfiableRangeException a well-formed range that lies outside the representation
     */
    public static Optional<ByteRange> parse(String header, long total) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String fromText = spec.substring(0, dash).strip();
        String toText = spec.substring(dash + 1).strip();
        Long from = fromText.isEmpty() ? null : number(fromText);
        Long to = toText.isEmpty() ? null : number(toText);
        boolean malformed = !fromText.isEmpty() && from == null
                || !toText.isEmpty() && to == null
                || fromText.isEmpty() && toText.isEmpty();
        if (malformed) {
            return Optional.empty();
        }
        if (from == null) {
            // suffix range: the last n bytes
            if (to == 0 || total == 0) {
                throw new UnsatisfiableRangeException(total);
            }
            return Optional.of(new ByteRange(Math.max(0, total - to), total - 1));
        }
        if (to != null && to < from) {
            return Optional.empty();
        }
        if (from >= total) {
            throw new UnsatisfiableRangeException(total);
        }
        long last = to == null ? total - 1 : Math.min(to, total - 1);
        return Optional.of(new ByteRange(from, last));
    }

    private static Long number(String digits) {
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
