package org.sluice.events.partner;

import java.time.LocalDate;
import org.sluice.events.delivery.PackageFormat;

/**
 * A public key of a partner (the key itself stays in the gateway's registry).
 *
 * @param keyId the key's id
 * @param format the package format the key is for
 * @param fingerprint {@code sha256:<hex>} of the raw public key
 * @param validFrom first day the key may be used
 * @param validUntil last day the key may be used
 */
public record PartnerKey(
        String keyId, PackageFormat format, String fingerprint, LocalDate validFrom, LocalDate validUntil) {

    /** Whether packages may be sealed to this key on the given day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
