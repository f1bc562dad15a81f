package org.sluice.platform.ratelimit;

import java.util.Locale;
import org.sluice.platform.security.PublicEndpoints;

/** The kinds of request limited apart, each with its own buckets. */
public enum Family {
    /** Creating, prechecking and cancelling transfers. */
    SUBMIT,
    /** Payload bodies, counted in bytes. */
    UPLOAD,
    /** Reads of the API. */
    READ,
    /** Review, appeal, decision and adjudication actions. */
    REVIEW,
    /** Administration. */
    ADMIN,
    /** Public endpoints, limited per remote address. */
    PUBLIC;

    /** The family's name in configuration and problem documents. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family of a request, from its method and path. */
    public static Family of(String method, String path) {
        if (PublicEndpoints.isPublicApi(path) || path.equals("/api/v1/public") || path.startsWith("/public/")) {
            return PUBLIC;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (!read && path.endsWith("/payload")) {
            return UPLOAD;
        }
        if (path.startsWith("/api/v1/admin/")) {
            return ADMIN;
        }
        if (read) {
            return READ;
        }
        if (path.startsWith("/api/v1/reviews")
                || path.startsWith("/api/v1/decisions/")
                || path.startsWith("/api/v1/screening/")
                || path.endsWith("/appeal")
                || path.contains("/appeals")
                || path.contains("/vote")) {
            return REVIEW;
        }
        return SUBMIT;
    }
}
