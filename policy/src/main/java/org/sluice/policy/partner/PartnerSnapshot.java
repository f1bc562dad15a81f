package org.sluice.policy.partner;

import jakarta.annotation.Nullable;
import java.time.LocalDate;

/**
 * What policy knows of a partner from {@code PartnerUpdated}: what the rules read.
 *
 * @param id the partner id
 * @param institution the institution name (screened)
 * @param country registered country
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 * @param profitStatus {@code NOT_FOR_PROFIT} or {@code FOR_PROFIT}
 * @param adequacyCovered inside a partial adequacy decision's scope
 * @param keyValidUntil last day its latest key may be used, null when it has no key
 */
public record PartnerSnapshot(
        String id,
        String institution,
        String country,
        String status,
        String profitStatus,
        boolean adequacyCovered,
        @Nullable LocalDate keyValidUntil) {}
