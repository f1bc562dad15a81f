package org.sluice.policy.world;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * An export licence as registered: who may export what, where, until when, and how much.
 *
 * @param id the licence id
 * @param type {@code INDIVIDUAL}, {@code GENERAL} or {@code PROVISIONAL}
 * @param status {@code ACTIVE} or {@code REVOKED}
 * @param holder the holding institution, {@code *} for general licences
 * @param categories data categories covered
 * @param destinations countries covered (individual and provisional licences)
 * @param destinationGroup the bundle table naming the countries covered (general licences)
 * @param validFrom first valid day
 * @param validUntil last valid day (a provisional licence's sunset)
 * @param quotaBytes bytes allowed in total, null for no limit
 * @param quotaTransfers transfers allowed in total, null for no limit
 * @param usedBytes bytes consumed by approved transfers
 * @param usedTransfers transfers approved under it
 * @param postShipmentVerification whether every transfer under it must be verified after shipment
 * @param verificationDays days the partner has for that verification
 * @param endUse the end use the licence was granted for
 */
public record Licence(
        String id,
        String type,
        String status,
        String holder,
        List<String> categories,
        List<String> destinations,
        @Nullable String destinationGroup,
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable Long quotaBytes,
        @Nullable Long quotaTransfers,
        long usedBytes,
        long usedTransfers,
        boolean postShipmentVerification,
        @Nullable Integer verificationDays,
        @Nullable String endUse) {

    public static final String INDIVIDUAL = "INDIVIDUAL";
    public static final String GENERAL = "GENERAL";
    public static final String PROVISIONAL = "PROVISIONAL";
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    public Licence {
        categories = categories == null ? List.of() : List.copyOf(categories);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** The same licence with its usage moved by a charge (negative to release one). */
    public Licence withUsage(long bytes, long transfers) {
        return new Licence(
                id,
                type,
                status,
                holder,
                categories,
                destinations,
                destinationGroup,
                validFrom,
                validUntil,
                quotaBytes,
                quotaTransfers,
                usedBytes + bytes,
                usedTransfers + transfers,
                postShipmentVerification,
                verificationDays,
                endUse);
    }
}
