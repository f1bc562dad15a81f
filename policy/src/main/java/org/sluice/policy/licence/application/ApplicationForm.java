package org.sluice.policy.licence.application;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;
import org.sluice.platform.input.Text;

/**
 * A licence application as posted. Enums and dates are read as text so that every broken field is
 * reported by name and rule ({@link #validate}), not the first one the binder trips over.
 *
 * @param destinationCountry ISO 3166-1 alpha-2 destination
 * @param partnerId the receiving partner, optional
 * @param categories data categories (at least one)
 * @param purpose the end use
 * @param endUsers the people who will use the data (at least one)
 * @param quotaBytes bytes applied for, optional, at least 1
 * @param quotaTransfers transfers applied for, optional, at least 1
 * @param validFrom first day (ISO date)
 * @param validUntil last day (ISO date)
 */
public record ApplicationForm(
        String destinationCountry,
        String partnerId,
        List<String> categories,
        PurposeForm purpose,
        List<EndUserForm> endUsers,
        Long quotaBytes,
        Long quotaTransfers,
        String validFrom,
        String validUntil) {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern PARTNER = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern DUO = Pattern.compile("^DUO:[0-9]{7}$");
    private static final Pattern CURIE = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_.-]+$");

    /**
     * The declared use.
     *
     * @param duo the DUO code
     * @param disease the disease (CURIE), optional
     * @param commercial commercial use
     * @param description what the recipients will do (required, not blank)
     */
    public record PurposeForm(String duo, String disease, Boolean commercial, String description) {}

    /**
     * An end user.
     *
     * @param name the person
     * @param organisation where they work
     * @param country ISO 3166-1 alpha-2 country
     */
    public record EndUserForm(String name, String organisation, String country) {}

    /**
     * The application as validated.
     *
     * @param destinationCountry the destination
     * @param partnerId the partner, null when none is named
     * @param categories the categories, without repeats
     * @param purpose the end use
     * @param endUsers the end users
     * @param quotaBytes bytes, null for no stated limit
     * @param quotaTransfers transfers, null for no stated limit
     * @param validFrom first day
     * @param validUntil last day
     */
    public record Draft(
            String destinationCountry,
            String partnerId,
            List<Category> categories,
            Purpose purpose,
            List<EndUser> endUsers,
            Long quotaBytes,
            Long quotaTransfers,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** Every field that breaks the contract, in field order; empty when the form is valid. */
    public List<Violation> validate(Duration maxValidity) {
        List<Violation> errors = new ArrayList<>();
        country("destinationCountry", destinationCountry, errors);
        if (partnerId != null && !PARTNER.matcher(partnerId).matches()) {
            errors.add(new Violation("partnerId", "pattern", "a partner id is lower-case letters, digits and '-'"));
        }
        if (categories == null || categories.isEmpty()) {
            errors.add(new Violation(
                    "categories",
                    categories == null ? "required" : "minItems",
                    "at least one data category is required"));
        } else {
            for (int i = 0; i < categories.size(); i++) {
                if (category(categories.get(i)) == null) {
                    errors.add(new Violation(
                            "categories[" + i + "]", "enum", "unknown data category '" + categories.get(i) + "'"));
                }
            }
        }
        if (purpose == null) {
            errors.add(new Violation("purpose", "required", "the purpose is required"));
        } else {
            if (purpose.duo() == null) {
                errors.add(new Violation("purpose.duo", "required", "a DUO code is required"));
            } else if (!DUO.matcher(purpose.duo()).matches()) {
                errors.add(new Violation("purpose.duo", "pattern", "a DUO code looks like DUO:0000007"));
            }
            if (purpose.disease() != null && !CURIE.matcher(purpose.disease()).matches()) {
                errors.add(new Violation("purpose.disease", "pattern", "a disease is a CURIE such as MONDO:0007254"));
            }
            text("purpose.description", purpose.description(), 2000, errors);
        }
        if (endUsers == null || endUsers.isEmpty()) {
            errors.add(new Violation(
                    "endUsers", endUsers == null ? "required" : "minItems", "at least one end user is required"));
        } else if (endUsers.size() > 100) {
            errors.add(new Violation("endUsers", "maxItems", "at most 100 end users"));
        } else {
            for (int i = 0; i < endUsers.size(); i++) {
                EndUserForm u = endUsers.get(i);
                String at = "endUsers[" + i + "]";
                if (u == null) {
                    errors.add(new Violation(at, "type", "an end user object is expected"));
                    continue;
                }
                text(at + ".name", u.name(), 200, errors);
                text(at + ".organisation", u.organisation(), 300, errors);
                country(at + ".country", u.country(), errors);
            }
        }
        quota("quotaBytes", quotaBytes, errors);
        quota("quotaTransfers", quotaTransfers, errors);
        LocalDate from = date("validFrom", validFrom, errors);
        LocalDate until = date("validUntil", validUntil, errors);
        if (from != null && until != null) {
            if (until.isBefore(from)) {
                errors.add(new Violation("validUntil", "afterValidFrom", "validUntil is before validFrom"));
            } else if (until.isAfter(from.plusDays(maxValidity.toDays()))) {
                errors.add(new Violation(
                        "validUntil",
                        "maxValidity",
                        "a licence may be valid for at most " + maxValidity.toDays() + " days from validFrom"));
            }
        }
        return errors;
    }

    /** The validated application; call only when {@link #validate} found nothing. */
    public Draft draft() {
        return new Draft(
                destinationCountry,
                partnerId,
                categories.stream().map(ApplicationForm::category).distinct().toList(),
                new Purpose(
                        purpose.duo(),
                        purpose.disease(),
                        Boolean.TRUE.equals(purpose.commercial()),
                        purpose.description().strip()),
                endUsers.stream()
                        .map(u -> new EndUser(u.name().strip(), u.organisation().strip(), u.country()))
                        .toList(),
                quotaBytes,
                quotaTransfers,
                LocalDate.parse(validFrom),
                LocalDate.parse(validUntil));
    }

    static void country(String field, String value, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation(field, "required", "a country is required"));
        } else if (!COUNTRIES.contains(value)) {
            errors.add(new Violation(field, "country", "'" + value + "' is not an ISO 3166-1 alpha-2 country"));
        }
    }

    /** Required text, not blank after Unicode white space and format characters, at most {@code max}. */
    static void text(String field, String value, int max, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation(field, "required", field + " is required"));
        } else if (Text.isBlank(value)) {
            errors.add(new Violation(field, Text.NOT_BLANK, field + " must not be blank"));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(new Violation(field, Text.MAX_LENGTH, "at most " + max + " characters are allowed"));
        }
    }

    static void quota(String field, Long value, List<Violation> errors) {
        if (value != null && value < 1) {
            errors.add(new Violation(field, "minimum", field + " must be at least 1"));
        }
    }

    static LocalDate date(String field, String value, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation(field, "required", field + " is required"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Violation(field, "format", field + " must be an ISO date such as 2027-01-01"));
            return null;
        }
    }

    private static Category category(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Category.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
