package org.sluice.gateway.partner;

import java.time.LocalDate;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerKey;

/**
 * A partner's public key as the registry holds it.
 *
 * @param keyId the key's id, unique for the partner
 * @param format the package format the key is for
 * @param publicKey the key as registered (a Crypt4GH public key file)
 * @param fingerprint {@code sha256:<hex>} of the raw public key
 * @param validFrom first day packages may be sealed to it
 * @param validUntil last day packages may be sealed to it
 */
public record RegisteredKey(
        String keyId,
        PackageFormat format,
        String publicKey,
        String fingerprint,
        LocalDate validFrom,
        LocalDate validUntil) {

    /** Whether packages may be sealed to this key on the given day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** The key as events describe it (without the key itself). */
    public PartnerKey describe() {
        return new PartnerKey(keyId, format, fingerprint, validFrom, validUntil);
    }
}
