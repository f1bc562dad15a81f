package org.sluice.audit.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Windows and thresholds of the security alert rules ({@code sluice.audit.alerts.*}). */
@ConfigMapping(prefix = "sluice.audit.alerts")
public interface AlertConfig {

    /** Window in which repeated denials of one institution or one submitter are counted. */
    @WithDefault("PT24H")
    Duration denialsWindow();

    /** Denials within the window that raise a repeated-denials alert. */
    @WithDefault("3")
    int denialsThreshold();

    /** Window in which refused requests (401/403, AccessDenied events) are counted. */
    @WithDefault("PT1M")
    Duration authFailuresWindow();

    /** Refused requests within the window that raise an auth-failure-burst alert. */
    @WithDefault("20")
    int authFailuresThreshold();

    /** Entries the alert follower evaluates in one transaction. */
    @WithDefault("500")
    int batchSize();
}
