package org.sluice.audit.publicpage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;

/**
 * A period of the public figures, in whole UTC days: the last 30 or 90 days or year up to the end of
 * today, everything, or whole months {@code from=YYYY-MM&to=YYYY-MM} (both included).
 *
 * @param name {@code 30d}, {@code 90d}, {@code 1y}, {@code all} or {@code months}
 * @param from first instant included
 * @param to first instant excluded
 */
public record Period(String name, Instant from, Instant to) {

    /** The period when none is asked for. */
    public static final String DEFAULT = "30d";

    /** The named periods and their length in days (0: the whole log). */
    private static final Map<String, Integer> NAMED = Map.of("30d", 30, "90d", 90, "1y", 365, "all", 0);

    /**
     * The period the parameters ask for.
     *
     * @throws ProblemException 400 naming every parameter that breaks a rule
     */
    public static Period of(String period, String fromMonth, String toMonth, Clock clock) {
        List<Violation> errors = new ArrayList<>();
        boolean months = present(fromMonth) || present(toMonth);
        if (months) {
            if (present(period)) {
                errors.add(new Violation("period", "conflict", "give either period or from/to months, not both"));
            }
            YearMonth from = month("from", fromMonth, errors);
            YearMonth to = month("to", toMonth, errors);
            if (from != null && to != null && from.isAfter(to)) {
                errors.add(new Violation("from", "range", "from (" + from + ") must not be after to (" + to + ")"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return new Period(
                    "months",
                    from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        String name = present(period) ? period : DEFAULT;
        Integer days = NAMED.get(name);
        if (days == null) {
            throw ProblemException.invalidField(
                    "period", "enum", "one of 30d, 90d, 1y, all (or from/to as YYYY-MM), found '" + name + "'");
        }
        Instant end = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant start = days == 0 ? Instant.EPOCH : end.minus(Duration.ofDays(days));
        return new Period(name, start, end);
    }

    private static YearMonth month(String field, String text, List<Violation> errors) {
        if (!present(text)) {
            errors.add(new Violation(field, "required", "from and to go together, each a month YYYY-MM"));
            return null;
        }
        try {
            if (text.length() != 7) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Violation(
                    field, "format", field + " is a month YYYY-MM such as 2026-11, found '" + text + "'"));
            return null;
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
