package org.sluice.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.sluice.platform.ratelimit.Family;

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

    /** Defaults of the families' limits: {@code SluiceConfigSource}; docs/operations.md lists them. */
    interface RateLimitConfig {
        /** Whether requests are rate limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Most buckets kept per family for callers, and again for institutions; idle full ones go first. */
        @WithDefault("100000")
        int maxEntries();

        /** Creating, prechecking and cancelling transfers, in requests. */
        FamilyLimits submit();

        /** Payload bodies, in bytes (Content-Length; a body of unknown length counts as the burst). */
        FamilyLimits upload();

        /** GET, HEAD and OPTIONS of the API, in requests. */
        FamilyLimits read();

        /** Review, decision, appeal and adjudication actions, in requests. */
        FamilyLimits review();

        /** {@code /api/v1/admin/*}, in requests. */
        FamilyLimits admin();

        /** Public endpoints ({@code /api/v1/public/*}, {@code /public/*}), per remote address. */
        FamilyLimits publicEndpoints();

        /** The limits of {@code family}. */
        default FamilyLimits of(Family family) {
            return switch (family) {
                case SUBMIT -> submit();
                case UPLOAD -> upload();
                case READ -> read();
                case REVIEW -> review();
                case ADMIN -> admin();
                case PUBLIC -> publicEndpoints();
            };
        }
    }

    /** One family's buckets: each caller's, and each institution's when its rate is set. */
    interface FamilyLimits {
        /** Tokens a second each caller gains. */
        long rate();

        /** Most tokens a caller holds, so takes at once. */
        long burst();

        /** Tokens a second each institution gains, all its principals together; none: no institution bucket. */
        OptionalLong institutionRate();

        /** Most tokens an institution holds. */
        OptionalLong institutionBurst();
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

        /** How soon a relay that found another replica's relay mid-round tries again (at most the poll). */
        @WithDefault("20ms")
        Duration lockRetry();
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
