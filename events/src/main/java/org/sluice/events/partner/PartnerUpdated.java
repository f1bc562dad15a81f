package org.sluice.events.partner;

import jakarta.annotation.Nullable;
import java.util.List;
import org.sluice.events.EventData;
import org.sluice.events.delivery.PackageFormat;

/**
 * The full current state of a partner registry entry, published whenever it changes (the topic is
 * compacted by partner id, so the latest state of every partner is always readable).
 *
 * @param partnerId the partner
 * @param institution the partner's institution name (screened against denied-party lists)
 * @param country ISO 3166-1 alpha-2 registered country
 * @param status active or suspended
 * @param statusReason why it is suspended, if it is
 * @param profitStatus for the DUO not-for-profit codes
 * @param adequacyCovered for partial-adequacy countries: whether the partner is inside the decision's scope
 * @param deliveryFormat the package format the partner receives
 * @param keys the partner's public keys with their validity
 */
public record PartnerUpdated(
        String partnerId,
        String institution,
        String country,
        PartnerStatus status,
        @Nullable String statusReason,
        ProfitStatus profitStatus,
        boolean adequacyCovered,
        PackageFormat deliveryFormat,
        List<PartnerKey> keys)
        implements EventData {
    public PartnerUpdated {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    @Override
    public String subject() {
        return partnerId;
    }
}
