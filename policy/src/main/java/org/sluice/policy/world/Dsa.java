package org.sluice.policy.world;

import java.time.LocalDate;
import java.util.List;

/**
 * A data-sharing agreement between a home institution and a partner.
 *
 * @param id the agreement id
 * @param partner the partner id
 * @param institution the home institution id
 * @param status {@code ACTIVE} or {@code TERMINATED}
 * @param categories data categories it covers
 * @param validFrom first valid day
 * @param validUntil last valid day
 * @param title a human title
 */
public record Dsa(
        String id,
        String partner,
        String institution,
        String status,
        List<String> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        String title) {
    public Dsa {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
