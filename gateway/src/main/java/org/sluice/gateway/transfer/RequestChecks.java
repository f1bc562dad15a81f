package org.sluice.gateway.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;

/**
 * The checks of a transfer request that its JSON Schema cannot express: country codes that exist, and a
 * destination country that agrees with the partner's registration. Every violation is reported.
 */
public final class RequestChecks {

    private static final Set<String> ISO_3166_ALPHA2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private RequestChecks() {}

    /**
     * Every violation of a schema-valid request.
     *
     * @param registeredCountry the destination partner's registered country; empty for a partner the
     *     registry does not know (policy denies those, it is not malformed input)
     */
    public static List<Violation> check(TransferRequest request, Optional<String> registeredCountry) {
        List<Violation> violations = new ArrayList<>();
        String destination = request.destination().country();
        country(destination, "destination.country", violations);
        registeredCountry
                .filter(registered -> !registered.equals(destination))
                .ifPresent(registered -> violations.add(new Violation(
                        "destination.country",
                        "partner-country",
                        "partner " + request.destination().partnerId() + " is registered in " + registered + ", not "
                                + destination)));
        for (int i = 0; i < request.endUsers().size(); i++) {
            country(request.endUsers().get(i).country(), "endUsers[" + i + "].country", violations);
        }
        List<String> consentCountries = request.dataset().consent().countries();
        for (int i = 0; i < consentCountries.size(); i++) {
            country(consentCountries.get(i), "dataset.consent.countries[" + i + "]", violations);
        }
        return violations;
    }

    /** Whether a code is an assigned ISO 3166-1 alpha-2 country code. */
    public static boolean isCountry(String code) {
        return code != null && ISO_3166_ALPHA2.contains(code);
    }

    /** Adds the violation of {@code field} when {@code code} is not an assigned country code. */
    static void country(String code, String field, List<Violation> violations) {
        if (!isCountry(code)) {
            violations.add(
                    new Violation(field, "iso-3166-1", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
        }
    }
}
