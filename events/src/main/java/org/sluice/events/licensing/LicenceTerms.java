package org.sluice.events.licensing;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.schema.SchemaField;

/**
 * What a granted licence allows: the validity, quota and conditions the office set, which may be
 * narrower than what was applied for.
 *
 * @param validFrom first valid day
 * @param validUntil last valid day
 * @param quotaBytes bytes allowed in total, null for no limit
 * @param quotaTransfers transfers allowed in total, null for no limit
 * @param postShipmentVerification whether every transfer under it must be verified after shipment
 * @param verificationDays days the partner has for that verification
 * @param conditions further conditions in words, shown to the holder
 */
public record LicenceTerms(
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable @SchemaField(minimum = 1) Long quotaBytes,
        @Nullable @SchemaField(minimum = 1) Long quotaTransfers,
        boolean postShipmentVerification,
        @Nullable @SchemaField(minimum = 1) Integer verificationDays,
        List<String> conditions) {
    public LicenceTerms {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
