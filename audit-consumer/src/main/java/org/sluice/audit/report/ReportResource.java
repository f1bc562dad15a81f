package org.sluice.audit.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/**
 * {@code GET /api/v1/reports/transparency?from=&to=}: aggregates of a period as JSON, or with {@code
 * Accept: text/html} as a page with charts. The period defaults to the 30 days before now and may span
 * at most 366 days.
 */
@Path("/api/v1/reports/transparency")
@RolesAllowed({Roles.SECURITY_ANALYST, Roles.ADMIN})
public class ReportResource {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final ReportRepository reports;
    private final Clock clock;

    public ReportResource(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** JSON, unless the caller's first preference is HTML (as browsers ask). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        TransparencyReport report = report(from, to);
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        if (!accepted.isEmpty()
                && accepted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !accepted.get(0).isWildcardType()) {
            return Response.ok(ReportPage.render(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private TransparencyReport report(String fromText, String toText) {
        List<Violation> errors = new ArrayList<>();
        Instant to = parse("to", toText, clock.instant().truncatedTo(ChronoUnit.SECONDS), errors);
        Instant from = parse("from", fromText, to == null ? null : to.minus(DEFAULT_PERIOD), errors);
        if (errors.isEmpty()) {
            if (!from.isBefore(to)) {
                errors.add(new Violation("from", "range", "from (" + from + ") must be before to (" + to + ")"));
            } else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
                errors.add(new Violation("to", "range", "a report covers at most 366 days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return reports.report(from, to);
    }

    private static Instant parse(String name, String text, Instant fallback, List<Violation> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(
                    new Violation(name, "format", name + " is an RFC 3339 UTC instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }
}
