package org.sluice.platform.ratelimit;

/**
 * A token bucket's shape.
 *
 * @param rate tokens gained a second (requests, or bytes for uploads); positive
 * @param burst most tokens held, so most taken at once; positive
 */
public record Limit(long rate, long burst) {

    public Limit {
        if (rate <= 0 || burst <= 0) {
            throw new IllegalArgumentException(
                    "a limit needs a positive rate and burst, got " + rate + "/s burst " + burst);
        }
        if (burst > Long.MAX_VALUE / TokenBucket.SCALE) {
            throw new IllegalArgumentException("a burst of " + burst + " is too large");
        }
    }
}
