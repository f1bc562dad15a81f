package org.sluice.gateway.partner;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.partner.ProfitStatus;

/**
 * A partner registry entry: who the partner is, where, whether it may receive packages, and its keys.
 *
 * @param partnerId the partner's id
 * @param institution the partner's institution name
 * @param country ISO 3166-1 alpha-2 registered country
 * @param status active or suspended
 * @param statusReason why it is suspended, if it is
 * @param profitStatus for the DUO not-for-profit codes
 * @param adequacyCovered inside a partial adequacy decision's scope
 * @param deliveryFormat the package format it receives
 * @param keys its public keys with their validity
 */
public record PartnerEntry(
        String partnerId,
        String institution,
        String country,
        PartnerStatus status,
        @Nullable String statusReason,
        ProfitStatus profitStatus,
        boolean adequacyCovered,
        PackageFormat deliveryFormat,
        List<RegisteredKey> keys) {

    public PartnerEntry {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * The key a package is sealed to on a day: of the keys for the partner's delivery format valid that day,
     * the most recently introduced one (a rotation registers the successor with a later {@code validFrom}).
     */
    public Optional<RegisteredKey> sealingKey(LocalDate day) {
        return keys.stream()
                .filter(k -> k.format() == deliveryFormat && k.validOn(day))
                .max(Comparator.comparing(RegisteredKey::validFrom).thenComparing(RegisteredKey::validUntil));
    }

    /** The full state as the {@code PartnerUpdated} event carries it. */
    public PartnerUpdated toEvent() {
        return new PartnerUpdated(
                partnerId,
                institution,
                country,
                status,
                statusReason,
                profitStatus,
                adequacyCovered,
                deliveryFormat,
                keys.stream().map(RegisteredKey::describe).toList());
    }
}
