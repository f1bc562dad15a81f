package org.sluice.platform.ratelimit;

/**
 * A token bucket holding at most {@code burst} tokens and gaining {@code rate} tokens a second, kept in
 * exact integer arithmetic (tokens times 10^9, so one nanosecond at rate r adds r units): what it admits
 * and when it next can are exact, not rounded. A cost above the burst is charged as the burst: it waits
 * for a full bucket and empties it (one upload body larger than the burst is not refused for its size
 * alone, yet it cannot come more often than one burst's worth of time). Not thread-safe; {@link
 * RateLimiter} guards it.
 */
public final class TokenBucket {

    static final long SCALE = 1_000_000_000L;

    private final Limit limit;
    private final long capacity;
    private long level;
    private long updatedNanos;

    /** A full bucket at {@code nowNanos}. */
    public TokenBucket(Limit limit, long nowNanos) {
        this.limit = limit;
        this.capacity = Math.multiplyExact(limit.burst(), SCALE);
        this.level = capacity;
        this.updatedNanos = nowNanos;
    }

    /** The bucket's limit. */
    public Limit limit() {
        return limit;
    }

    /** Nanoseconds until {@code cost} tokens (at most the burst) are there: 0 when they are now. Takes nothing. */
    public long waitNanos(long cost, long nowNanos) {
        refill(nowNanos);
        long needed = charged(cost) * SCALE - level;
        return needed <= 0 ? 0 : ceilDiv(needed, limit.rate());
    }

    /** Takes {@code cost} tokens (at most the burst), which {@link #waitNanos} just found there. */
    public void take(long cost, long nowNanos) {
        refill(nowNanos);
        long units = charged(cost) * SCALE;
        if (units > level) {
            throw new IllegalStateException("took " + cost + " tokens from a bucket holding fewer");
        }
        level -= units;
    }

    /** Whether the bucket is full at {@code nowNanos}: forgetting it then loses nothing. */
    public boolean isFull(long nowNanos) {
        refill(nowNanos);
        return level == capacity;
    }

    /** The tokens a cost takes: itself, or the burst when it is larger. */
    public long charged(long cost) {
        return Math.min(cost, limit.burst());
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed <= 0) {
            return; // a clock stepping back adds nothing
        }
        updatedNanos = nowNanos;
        long missing = capacity - level;
        // compare before multiplying, so a long idle bucket cannot overflow
        level = elapsed >= ceilDiv(missing, limit.rate()) ? capacity : level + elapsed * limit.rate();
    }

    /** a / b rounded up (Java 17 has no {@code Math.ceilDiv}). */
    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
