package org.sluice.audit.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sluice.events.decision.Outcome;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.schema.Violation;

/**
 * A search of the log: every given facet must match; the time range is half-open {@code [from, to)};
 * results come in index order after the cursor.
 *
 * @param transferId the transfer
 * @param subject the event's subject: the transfer, licence application, review case or other thing it is
 *     about (the CloudEvents {@code subject})
 * @param actor the acting principal's id
 * @param institution the submitting institution
 * @param partner the partner concerned
 * @param country the destination country
 * @param outcome a transfer decision's or a licence application's outcome
 * @param reasonCode a reason code the entry carries
 * @param type the event type
 * @param from first event time included
 * @param to first event time excluded
 * @param after the cursor: only entries after this index in the query's order (-1: from the start)
 * @param limit most entries returned
 * @param newestFirst whether results run from the newest entry backwards
 */
public record EntryQuery(
        String transferId,
        String subject,
        String actor,
        String institution,
        String partner,
        String country,
        String outcome,
        String reasonCode,
        String type,
        Instant from,
        Instant to,
        long after,
        int limit,
        boolean newestFirst) {

    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    /** A transfer decision's outcomes, then a licence application's. */
    private static final List<String> OUTCOMES = Stream.concat(
                    Arrays.stream(Outcome.values()).map(Enum::name),
                    Arrays.stream(ApplicationOutcome.values()).map(Enum::name))
            .toList();

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final int MAX_TEXT = 200;

    /**
     * Reads a query from request parameters, reporting every parameter that breaks a rule.
     *
     * @throws InvalidQueryException with one violation per bad parameter
     */
    public static EntryQuery parse(Map<String, String> params, int defaultLimit, int maxLimit)
            throws InvalidQueryException {
        List<Violation> errors = new ArrayList<>();
        for (var p : params.entrySet()) {
            if (p.getValue() != null && p.getValue().length() > MAX_TEXT) {
                errors.add(new Violation(
                        p.getKey(), "maxLength", p.getKey() + " has at most " + MAX_TEXT + " characters"));
            }
        }
        String country = params.get("country");
        if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add(new Violation("country", "pattern", "country is an ISO 3166-1 alpha-2 code such as DE"));
        }
        String outcome = params.get("outcome");
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            errors.add(new Violation("outcome", "enum", "outcome is one of " + OUTCOMES));
        }
        String reasonCode = params.get("reasonCode");
        if (reasonCode != null && !CODE.matcher(reasonCode).matches()) {
            errors.add(new Violation("reasonCode", "pattern", "reasonCode is an upper-case code such as DENIED_PARTY"));
        }
        Instant from = instant(params, "from", errors);
        Instant to = instant(params, "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Violation("from", "range", "from (" + from + ") must be before to (" + to + ")"));
        }
        long after = -1;
        String cursor = params.get("cursor");
        if (cursor != null) {
            try {
                after = Long.parseLong(cursor);
                if (after < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new Violation("cursor", "format", "cursor is the nextCursor of a previous page"));
            }
        }
        int limit = defaultLimit;
        String limitText = params.get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > maxLimit) {
                errors.add(new Violation("limit", "range", "limit is between 1 and " + maxLimit));
            }
        }
        String order = params.getOrDefault("order", "asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            errors.add(new Violation("order", "enum", "order is asc (oldest first) or desc (newest first)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new EntryQuery(
                params.get("transferId"),
                params.get("subject"),
                params.get("actor"),
                params.get("institution"),
                params.get("partner"),
                country,
                outcome,
                reasonCode,
                params.get("type"),
                from,
                to,
                after,
                limit,
                order.equals("desc"));
    }

    /** A query for the one entry at an index. */
    public static EntryQuery at(long index) {
        return new EntryQuery(null, null, null, null, null, null, null, null, null, null, null, index - 1, 1, false);
    }

    private static Instant instant(Map<String, String> params, String name, List<Violation> errors) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(
                    new Violation(name, "format", name + " is an RFC 3339 UTC instant such as 2026-11-23T00:00:00Z"));
            return null;
        }
    }
}
