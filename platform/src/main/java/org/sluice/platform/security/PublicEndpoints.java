package org.sluice.platform.security;

/**
 * Where the endpoints that need no token live: aggregates and published criteria only (docs/transparency.md).
 * The rate limits charge them to the caller's address, and they keep their own caching.
 */
public final class PublicEndpoints {

    /** Every public API path starts with this. */
    public static final String API_PREFIX = "/api/v1/public/";

    private PublicEndpoints() {}

    /** Whether {@code path} is under the public API. */
    public static boolean isPublicApi(String path) {
        return path.startsWith(API_PREFIX);
    }
}
