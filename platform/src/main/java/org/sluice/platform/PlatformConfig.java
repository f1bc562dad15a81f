package org.sluice.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
