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
