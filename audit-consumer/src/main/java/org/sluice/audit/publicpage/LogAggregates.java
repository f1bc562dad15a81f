package org.sluice.audit.publicpage;

import java.util.Map;

/**
 * What the log holds about a period, before suppression: never published as it is.
 *
 * @param byOutcome decisions per outcome
 * @param byCategory decisions per data category
 * @param byCountry decisions per destination country
 * @param reviewCases human review cases decided
 * @param reviewMedianSeconds their median time from opened to decided, null without cases
 * @param reviewP90Seconds its 90th percentile, null without cases
 * @param appealsFiled appeals filed
 * @param appealOutcomes appeal decisions per outcome
 * @param alertsByRule alerts per rule
 * @param licenceOutcomes licence applications decided, per outcome
 * @param licenceCases granted and refused applications measured, applied to decided
 * @param licenceMedianSeconds their median, null without cases
 * @param licenceP90Seconds their 90th percentile, null without cases
 * @param licenceTimeliness granted and refused applications, {@code ON_TIME} or {@code LATE}
 */
record LogAggregates(
        Map<String, Long> byOutcome,
        Map<String, Long> byCategory,
        Map<String, Long> byCountry,
        long reviewCases,
        Double reviewMedianSeconds,
        Double reviewP90Seconds,
        long appealsFiled,
        Map<String, Long> appealOutcomes,
        Map<String, Long> alertsByRule,
        Map<String, Long> licenceOutcomes,
        long licenceCases,
        Double licenceMedianSeconds,
        Double licenceP90Seconds,
        Map<String, Long> licenceTimeliness) {}
