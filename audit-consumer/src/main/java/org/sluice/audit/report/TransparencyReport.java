package org.sluice.audit.report;

import java.time.Instant;
import java.util.Map;

/**
 * What the log says about a period, in aggregates only: no transfer, person or event is named.
 *
 * @param from first instant included
 * @param to first instant excluded
 * @param decisions decisions by outcome, data category and destination country
 * @param licensing how long transfers that needed a licence decision took, request to final decision
 * @param licenceApplications how long licence applications granted or refused took, applied to decided
 * @param reviews how long human reviews took, opened to decided
 * @param appeals appeals filed and how they were decided
 * @param incidents security alerts raised, by rule and severity
 */
public record TransparencyReport(
        Instant from,
        Instant to,
        Decisions decisions,
        Durations licensing,
        Durations licenceApplications,
        Durations reviews,
        Appeals appeals,
        Incidents incidents) {

    /**
     * @param total decisions made
     * @param byOutcome per outcome
     * @param byCategory per data category
     * @param byCountry per destination country
     */
    public record Decisions(
            long total, Map<String, Long> byOutcome, Map<String, Long> byCategory, Map<String, Long> byCountry) {}

    /**
     * @param count cases measured
     * @param medianSeconds median duration
     * @param p90Seconds 90th percentile
     */
    public record Durations(long count, Double medianSeconds, Double p90Seconds) {}

    /**
     * @param filed appeals filed
     * @param byOutcome appeal decisions per outcome
     */
    public record Appeals(long filed, Map<String, Long> byOutcome) {}

    /**
     * @param total alerts raised
     * @param byRule per rule
     * @param bySeverity per severity
     */
    public record Incidents(long total, Map<String, Long> byRule, Map<String, Long> bySeverity) {}
}
