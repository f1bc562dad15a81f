package org.sluice.policy.world;

import java.util.Map;

/**
 * A submitting institution: its usual transfer size and how many transfers each partner has received
 * from it.
 *
 * @param id the institution id (the submitter token's {@code institution} claim)
 * @param name a short name
 * @param legalName the legal name
 * @param country home country
 * @param typicalTransferBytes its usual transfer size, the baseline for volume anomalies
 * @param completedTransfers acknowledged transfers per partner id
 */
public record Institution(
        String id,
        String name,
        String legalName,
        String country,
        long typicalTransferBytes,
        Map<String, Long> completedTransfers) {
    public Institution {
        completedTransfers = completedTransfers == null ? Map.of() : Map.copyOf(completedTransfers);
    }
}
