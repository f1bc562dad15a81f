package org.sluice.platform.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Charges requests to their caller's bucket and, when the caller has one, their institution's, in each
 * family: admitted only when both hold the cost, and then taken from both. Plain logic; the clock is the
 * caller's ({@code nowNanos}).
 */
public final class RateLimiter {

    private final Function<Family, Limits> limits;
    private final Map<Family, BoundedBuckets> callers = new EnumMap<>(Family.class);
    private final Map<Family, BoundedBuckets> institutions = new EnumMap<>(Family.class);

    /**
     * @param limits each family's caller and institution limits
     * @param maxEntries most buckets held per family for callers, and again for institutions
     */
    public RateLimiter(Function<Family, Limits> limits, int maxEntries) {
        this.limits = limits;
        for (Family family : Family.values()) {
            callers.put(family, new BoundedBuckets(maxEntries));
            institutions.put(family, new BoundedBuckets(maxEntries));
        }
    }

    /**
     * Charges {@code cost} tokens of {@code family} to {@code caller} (a principal or an address) and to
     * {@code institution} (null when none).
     */
    public synchronized Verdict charge(Family family, String caller, String institution, long cost, long nowNanos) {
        Limits familyLimits = limits.apply(family);
        TokenBucket own = callers.get(family).get(caller, familyLimits.caller(), nowNanos);
        long wait = own.waitNanos(cost, nowNanos);
        if (wait > 0) {
            return new Verdict(false, wait, own.limit());
        }
        TokenBucket shared = null;
        if (institution != null && familyLimits.institution() != null) {
            shared = institutions.get(family).get(institution, familyLimits.institution(), nowNanos);
            long sharedWait = shared.waitNanos(cost, nowNanos);
            if (sharedWait > 0) {
                return new Verdict(false, sharedWait, shared.limit());
            }
        }
        own.take(cost, nowNanos);
        if (shared != null) {
            shared.take(cost, nowNanos);
        }
        return new Verdict(true, 0, own.limit());
    }

    /**
     * One family's limits.
     *
     * @param caller each principal's (or address's) bucket
     * @param institution each institution's bucket; null when the family has none
     */
    public record Limits(Limit caller, Limit institution) {}

    /**
     * The outcome of a charge.
     *
     * @param admitted whether the request may go on
     * @param waitNanos when refused, nanoseconds until it would be admitted
     * @param limit the limit that decided
     */
    public record Verdict(boolean admitted, long waitNanos, Limit limit) {

        /** The Retry-After value: whole seconds, rounded up. */
        public long retryAfterSeconds() {
            return TokenBucket.ceilDiv(waitNanos, TokenBucket.SCALE);
        }
    }
}
