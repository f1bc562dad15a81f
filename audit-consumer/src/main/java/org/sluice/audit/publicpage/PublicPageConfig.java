package org.sluice.audit.publicpage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The public transparency page ({@code sluice.audit.public.*}, docs/operations/audit.md). */
@ConfigMapping(prefix = "sluice.audit.public")
public interface PublicPageConfig {

    /** A count below this is published as {@code <min-count}, and a turnaround over fewer cases is not shown. */
    @WithDefault("5")
    int minCount();

    /** How long computed figures of a period are reused before the log is asked again. */
    @WithDefault("60s")
    Duration figuresCache();

    /** Base URL of the policy service, whose public criteria the page shows; unset: the criteria are unavailable. */
    Optional<URI> policyUrl();

    /** How long the criteria fetched from policy are reused (also served stale while policy is unreachable). */
    @WithDefault("60s")
    Duration criteriaCache();

    /** Connect and answer timeout of a request to the policy service. */
    @WithDefault("5s")
    Duration policyTimeout();
}
