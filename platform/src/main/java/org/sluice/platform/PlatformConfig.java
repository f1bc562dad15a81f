package org.sluice.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Configuration shared by every Sluice service. */
@ConfigMapping(prefix = "sluice.platform")
public interface PlatformConfig {

    /** This service's short name ({@code gateway}, {@code policy}, {@code audit}); events' source is {@code /sluice/<name>}. */
    String serviceName();

    /** The transactional outbox. */
    OutboxConfig outbox();

    /** Consumption of events. */
    ConsumerConfig consumer();

    /** Reporting of refused requests. */
    AccessConfig access();

    /** problem+json error documents. */
    ProblemsConfig problems();

    /** The input policy: what text a request may carry. */
    InputConfig input();

    /** Rate limits per principal, institution and address (see {@code org.sluice.platform.ratelimit}). */
    RateLimitConfig rateLimit();

    interface RateLimitConfig {
        /** Whether requests are rate limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Most buckets kept per family for callers, and again for institutions; idle full ones go first. */
        @WithDefault("100000")
        int maxEntries();

        /** Creating, prechecking and cancelling transfers, in requests. */
        SubmitLimits submit();

        /** Payload bodies, in bytes (Content-Length); a body over the burst is a 413. */
        UploadLimits upload();

        /** GET, HEAD and OPTIONS of the API, in requests. */
        ReadLimits read();

        /** Review, decision, appeal and adjudication actions, in requests. */
        ReviewLimits review();

        /** {@code /api/v1/admin/*}, in requests. */
        AdminLimits admin();

        /** Public endpoints ({@code /api/v1/public/*}, {@code /public/*}), in requests per remote address. */
        PublicLimits publicEndpoints();
    }

    interface SubmitLimits {
        /** Requests a second each principal gains. */
        @WithDefault("100")
        long rate();

        /** Most requests a principal makes at once. */
        @WithDefault("500")
        long burst();

        /** Requests a second each institution gains, all its principals together. */
        @WithDefault("500")
        long institutionRate();

        /** Most requests an institution makes at once. */
        @WithDefault("2500")
        long institutionBurst();
    }

    interface UploadLimits {
        /** Bytes a second each principal gains (64 MiB). */
        @WithDefault("67108864")
        long rate();

        /** Most bytes of one principal at once, so the largest single body or chunk (4 GiB). */
        @WithDefault("4294967296")
        long burst();

        /** Bytes a second each institution gains (256 MiB). */
        @WithDefault("268435456")
        long institutionRate();

        /** Most bytes of one institution at once (8 GiB; at most about 9.2e9). */
        @WithDefault("8589934592")
        long institutionBurst();
    }

    interface ReadLimits {
        /** Requests a second each principal gains. */
        @WithDefault("500")
        long rate();

        /** Most requests a principal makes at once. */
        @WithDefault("2000")
        long burst();

        /** Requests a second each institution gains. */
        @WithDefault("2500")
        long institutionRate();

        /** Most requests an institution makes at once. */
        @WithDefault("10000")
        long institutionBurst();
    }

    interface ReviewLimits {
        /** Requests a second each principal gains. */
        @WithDefault("100")
        long rate();

        /** Most requests a principal makes at once. */
        @WithDefault("500")
        long burst();

        /** Requests a second each institution gains. */
        @WithDefault("500")
        long institutionRate();

        /** Most requests an institution makes at once. */
        @WithDefault("2500")
        long institutionBurst();
    }

    interface AdminLimits {
        /** Requests a second each principal gains. */
        @WithDefault("100")
        long rate();

        /** Most requests a principal makes at once. */
        @WithDefault("500")
        long burst();

        /** Requests a second each institution gains. */
        @WithDefault("500")
        long institutionRate();

        /** Most requests an institution makes at once. */
        @WithDefault("2500")
        long institutionBurst();
    }

    interface PublicLimits {
        /** Requests a second each remote address gains. */
        @WithDefault("200")
        long rate();

        /** Most requests an address makes at once. */
        @WithDefault("1000")
        long burst();
    }

    interface InputConfig {
        /** Most characters (code points) of a text value in a JSON body whose member has no limit of its own. */
        @WithDefault("1000")
        int maxTextLength();

        /**
         * Limits of particular JSON members, by member name ({@code justification}, {@code statement},
         * {@code name}, ...), in characters; they apply at any depth of any body.
         */
        Map<String, Integer> fieldLimits();

        /** Most characters of one path or query parameter. */
        @WithDefault("256")
        int maxParameterLength();

        /** Most bytes of a JSON body; a larger one is a 413 before it is parsed. */
        @WithDefault("1048576")
        int maxJsonBytes();

        /** Most characters of the request line's target (path and query); a longer one is a 414. */
        @WithDefault("8192")
        int maxUriLength();

        /** Most bytes of all request headers together (names and values); more is a 431. */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    interface OutboxConfig {
        /** How often the relay looks for unpublished events when nothing woke it up. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Most events published in one round. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a round before retrying it. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface ConsumerConfig {
        /** Attempts for an effect that fails with an unexpected error before the record is dead-lettered. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; doubles for each further one. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** How long applied event ids are remembered for deduplication (beyond the topics' retention). */
        @WithDefault("P30D")
        Duration inboxRetention();
    }

    interface AccessConfig {
        /** Most AccessDenied events this service publishes per second; more are counted, not published. */
        @WithDefault("50")
        int maxEventsPerSecond();
    }

    interface ProblemsConfig {
        /** Base URI of problem types; a type is this plus a slug such as {@code validation}. */
        @WithDefault("https://sluice.example/problems/")
        String baseUri();
    }
}
