package org.sluice.platform.ratelimit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buckets by key (principal, institution or address), at most {@code maxEntries} of them however many
 * callers there are: least recently used first out, preferring a full bucket (forgetting it loses nothing),
 * else the least recently used one. Not thread-safe; {@link RateLimiter} guards it.
 */
public final class BoundedBuckets {

    /** How many of the least recently used entries are looked at for a full one before the eldest goes. */
    private static final int EVICTION_SCAN = 16;

    private final int maxEntries;
    private final LinkedHashMap<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public BoundedBuckets(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("max entries must be positive, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The bucket of {@code key}, a full one of {@code limit} if it had none. */
    public TokenBucket get(String key, Limit limit, long nowNanos) {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxEntries) {
                evictOne(nowNanos);
            }
            bucket = new TokenBucket(limit, nowNanos);
            buckets.put(key, bucket);
        }
        return bucket;
    }

    /** How many buckets are held. */
    public int size() {
        return buckets.size();
    }

    private void evictOne(long nowNanos) {
        Iterator<Map.Entry<String, TokenBucket>> eldest = buckets.entrySet().iterator();
        for (int i = 0; i < EVICTION_SCAN && eldest.hasNext(); i++) {
            if (eldest.next().getValue().isFull(nowNanos)) {
                eldest.remove();
                return;
            }
        }
        Iterator<String> first = buckets.keySet().iterator();
        first.next();
        first.remove();
    }
}
