package org.sluice.policy.world;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * A declared public-health emergency under which matching requests are fast-tracked.
 *
 * @param id the declaration id
 * @param title a human title
 * @param validFrom first day it applies
 * @param sunset last day it applies
 * @param categories data categories it covers
 * @param diseases MONDO ids of the diseases it covers
 * @param partners partner ids it covers
 * @param postShipmentVerification whether fast-tracked transfers must be verified after shipment
 * @param verificationDays days the partner has for that verification
 * @param note the conditions in words
 */
public record Emergency(
        String id,
        String title,
        LocalDate validFrom,
        LocalDate sunset,
        List<String> categories,
        List<String> diseases,
        List<String> partners,
        boolean postShipmentVerification,
        @Nullable Integer verificationDays,
        @Nullable String note) {
    public Emergency {
        categories = categories == null ? List.of() : List.copyOf(categories);
        diseases = diseases == null ? List.of() : List.copyOf(diseases);
        partners = partners == null ? List.of() : List.copyOf(partners);
    }
}
