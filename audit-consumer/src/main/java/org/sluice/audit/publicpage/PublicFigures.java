package org.sluice.audit.publicpage;

import java.time.Instant;
import java.util.List;

/**
 * The figures of the public transparency page for one period: aggregates only, small counts suppressed
 * ({@link Suppression}). No transfer, institution, partner or person is named anywhere in it.
 *
 * @param period the period covered
 * @param minCount the suppression threshold
 * @param decisions decisions made in the period
 * @param reviewTurnaround how long human review cases decided in the period took, opened to decided
 * @param licences licence applications decided in the period, how long they took and how many late
 * @param appeals appeals filed and decided in the period
 * @param alerts security alerts raised in the period
 */
public record PublicFigures(
        PeriodView period,
        int minCount,
        Decisions decisions,
        Turnaround reviewTurnaround,
        Licences licences,
        Appeals appeals,
        Alerts alerts) {

    /**
     * @param name the period asked for ({@code 30d}, {@code 90d}, {@code 1y}, {@code all} or {@code months})
     * @param from first instant included
     * @param to first instant excluded
     */
    public record PeriodView(String name, Instant from, Instant to) {}

    /**
     * One cell of a breakdown.
     *
     * @param key what is counted (an outcome, a category, a region, a rule id)
     * @param count how many, as published
     */
    public record Cell(String key, PublishedCount count) {}

    /**
     * @param total every decision
     * @param byOutcome per outcome
     * @param byCategory per data category
     * @param byRegion per destination region ({@link Regions})
     */
    public record Decisions(PublishedCount total, List<Cell> byOutcome, List<Cell> byCategory, List<Cell> byRegion) {}

    /**
     * @param cases cases measured
     * @param medianSeconds the median, whole seconds; null when fewer cases than the threshold
     * @param p90Seconds the 90th percentile, whole seconds; null when fewer cases than the threshold
     */
    public record Turnaround(PublishedCount cases, Long medianSeconds, Long p90Seconds) {}

    /**
     * Licence applications decided in the period: granted or refused by the export-control office, or
     * withdrawn by the applicant.
     *
     * @param decided applications decided or withdrawn
     * @param byOutcome per outcome ({@code GRANTED}, {@code REFUSED}, {@code WITHDRAWN})
     * @param turnaround granted and refused applications, applied to decided (withdrawals are no decision)
     * @param byTimeliness granted and refused applications, {@code ON_TIME} or {@code LATE} (decided after
     *     the date first given)
     * @param latePercent the whole percentage of {@code byTimeliness} that is late, when every cell of it
     *     is shown; null otherwise
     */
    public record Licences(
            PublishedCount decided,
            List<Cell> byOutcome,
            Turnaround turnaround,
            List<Cell> byTimeliness,
            Long latePercent) {}

    /**
     * @param filed appeals filed
     * @param decided appeals decided
     * @param byOutcome appeal decisions per outcome
     */
    public record Appeals(PublishedCount filed, PublishedCount decided, List<Cell> byOutcome) {}

    /**
     * @param total alerts raised
     * @param byRule per alert rule
     */
    public record Alerts(PublishedCount total, List<Cell> byRule) {}
}
