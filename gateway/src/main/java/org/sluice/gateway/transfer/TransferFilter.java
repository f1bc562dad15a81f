package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.Category;
import org.sluice.platform.problem.ProblemException;

/**
 * What a submitter asks of its institution's transfer list: filters, a page size and where the page starts.
 * Parsed from query parameters, every violation reported at once.
 *
 * @param states only these states; empty for every state
 * @param partnerId only to this partner, or null
 * @param country only to this destination country, or null
 * @param category only of this dataset category, or null
 * @param createdFrom created at or after this instant, or null
 * @param createdBefore created before this instant, or null
 * @param limit at most this many
 * @param after the cursor of the last transfer of the previous page, or null for the first page
 */
public record TransferFilter(
        Set<TransferState> states,
        @Nullable String partnerId,
        @Nullable String country,
        @Nullable Category category,
        @Nullable Instant createdFrom,
        @Nullable Instant createdBefore,
        int limit,
        @Nullable Cursor after) {

    /** Page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page. */
    public static final int MAX_LIMIT = 200;

    private static final Pattern PARTNER = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern ID = Pattern.compile("^tr-[A-Za-z0-9_-]{1,64}$");

    /**
     * Where a page starts: after the transfer created at {@code createdAt} with id {@code id} (newest first).
     *
     * @param createdAt the creation instant of the last transfer listed
     * @param id its id (orders transfers created at the same instant)
     */
    public record Cursor(Instant createdAt, String id) {

        /** The opaque text form a client sends back as {@code after}. */
        public String encode() {
            String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String text) {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 3);
            if (parts.length != 3 || !ID.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        }
    }

    /** Parses the query parameters; 400 {@code validation} naming every parameter at fault. */
    public static TransferFilter parse(
            @Nullable List<String> state,
            @Nullable String partnerId,
            @Nullable String country,
            @Nullable String category,
            @Nullable String from,
            @Nullable String to,
            @Nullable String limit,
            @Nullable String after) {
        List<Violation> violations = new ArrayList<>();
        Set<TransferState> states = EnumSet.noneOf(TransferState.class);
        for (String value : state == null ? List.<String>of() : state) {
            for (String s : value.split(",", -1)) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    states.add(TransferState.valueOf(s.strip()));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("state", "enum", "'" + s.strip() + "' is not a transfer state"));
                }
            }
        }
        String partner = blankToNull(partnerId);
        if (partner != null && !PARTNER.matcher(partner).matches()) {
            violations.add(new Violation("partnerId", "pattern", "a partner id such as 'p-charite' is expected"));
        }
        String destination = blankToNull(country);
        if (destination != null) {
            RequestChecks.country(destination, "country", violations);
        }
        Category cat = null;
        if (blankToNull(category) != null) {
            try {
                cat = Category.valueOf(category.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("category", "enum", "'" + category.strip() + "' is not a data category"));
            }
        }
        LocalDate fromDay = day(from, "from", violations);
        LocalDate toDay = day(to, "to", violations);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            violations.add(new Violation("to", "range", "'to' is before 'from'"));
        }
        int size = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > MAX_LIMIT) {
                    violations.add(new Violation("limit", "range", "between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("limit", "type", "an integer between 1 and " + MAX_LIMIT));
            }
        }
        Cursor cursor = null;
        if (blankToNull(after) != null) {
            try {
                cursor = Cursor.decode(after.strip());
            } catch (RuntimeException e) {
                violations.add(new Violation("after", "cursor", "the 'next' of a previous page is expected"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return new TransferFilter(
                Set.copyOf(states),
                partner,
                destination,
                cat,
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null
                        ? null
                        : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                size,
                cursor);
    }

    private static LocalDate day(String value, String field, List<Violation> violations) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "date", "an ISO date such as 2026-12-07 is expected"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
