package org.sluice.gateway.partner;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.ProfitStatus;
import org.sluice.events.schema.Violation;
import org.sluice.gateway.sealing.InvalidRecipientKeyException;
import org.sluice.gateway.sealing.RecipientKeys;
import org.sluice.gateway.transfer.RequestChecks;
import org.sluice.platform.input.Text;

/**
 * The body of {@code PUT /api/v1/admin/partners/{partnerId}}: the partner's full entry.
 *
 * @param institution the partner's institution name
 * @param country ISO 3166-1 alpha-2 registered country
 * @param status active or suspended
 * @param statusReason why it is suspended (required when it is)
 * @param profitStatus for the DUO not-for-profit codes
 * @param adequacyCovered inside a partial adequacy decision's scope ({@code false} when absent)
 * @param deliveryFormat the package format it receives ({@code CRYPT4GH} when absent)
 * @param keys its public keys with their validity
 */
public record PartnerRegistration(
        String institution,
        String country,
        PartnerStatus status,
        @Nullable String statusReason,
        ProfitStatus profitStatus,
        @Nullable Boolean adequacyCovered,
        @Nullable PackageFormat deliveryFormat,
        List<KeyRegistration> keys) {

    /** Pattern of partner ids, as in the transfer request's {@code destination.partnerId}. */
    public static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");

    public PartnerRegistration {
        keys = keys == null ? List.of() : keys;
    }

    /** The entry this registration makes, or every violation it has. */
    public PartnerEntry toEntry(String partnerId) {
        List<Violation> violations = new ArrayList<>();
        if (!PARTNER_ID.matcher(partnerId).matches()) {
            violations.add(new Violation("partnerId", "pattern", "must match " + PARTNER_ID.pattern()));
        }
        if (institution == null || Text.isBlank(institution) || institution.length() > 300) {
            violations.add(new Violation("institution", "required", "a name of 1 to 300 characters is required"));
        }
        if (!RequestChecks.isCountry(country)) {
            violations.add(new Violation(
                    "country", "iso-3166-1", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        required(status, "status", violations);
        required(profitStatus, "profitStatus", violations);
        if (status == PartnerStatus.SUSPENDED && statusReason == null) {
            violations.add(new Violation("statusReason", "required", "a suspended partner needs a reason"));
        } else if (status == PartnerStatus.SUSPENDED && Text.isBlank(statusReason)) {
            // blank after Unicode white space and format characters: zero-width spaces give no reason
            violations.add(new Violation("statusReason", Text.NOT_BLANK, "a suspended partner needs a reason"));
        }
        PackageFormat format = deliveryFormat == null ? PackageFormat.CRYPT4GH : deliveryFormat;
        List<RegisteredKey> registered = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            KeyRegistration key = keys.get(i);
            String field = "keys[" + i + "]";
            if (key == null) {
                violations.add(new Violation(field, "required", "a key is required"));
                continue;
            }
            if (key.keyId() == null || !KEY_ID.matcher(key.keyId()).matches()) {
                violations.add(new Violation(field + ".keyId", "pattern", "must match " + KEY_ID.pattern()));
            } else if (!keyIds.add(key.keyId())) {
                violations.add(new Violation(field + ".keyId", "unique", "key id " + key.keyId() + " appears twice"));
            }
            required(key.validFrom(), field + ".validFrom", violations);
            required(key.validUntil(), field + ".validUntil", violations);
            if (key.validFrom() != null
                    && key.validUntil() != null
                    && key.validUntil().isBefore(key.validFrom())) {
                violations.add(
                        new Violation(field + ".validUntil", "after-valid-from", "must not be before validFrom"));
            }
            try {
                RecipientKeys.Described described = RecipientKeys.describe(key.publicKey());
                registered.add(new RegisteredKey(
                        key.keyId(),
                        described.format(),
                        key.publicKey().strip(),
                        described.fingerprint(),
                        key.validFrom(),
                        key.validUntil()));
            } catch (InvalidRecipientKeyException e) {
                violations.add(new Violation(field + ".publicKey", "key", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRegistrationException(violations);
        }
        return new PartnerEntry(
                partnerId,
                institution.strip(),
                country,
                status,
                statusReason,
                profitStatus,
                Boolean.TRUE.equals(adequacyCovered),
                format,
                registered);
    }

    private static void required(Object value, String field, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "required", "is required"));
        }
    }
}
