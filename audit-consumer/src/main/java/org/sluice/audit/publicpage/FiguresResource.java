package org.sluice.audit.publicpage;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/public/figures} (JSON, or CSV with {@code format=csv}) and its CSV twin {@code
 * GET /api/v1/public/figures.csv}: the transparency page's figures, for anyone and without a token.
 * Aggregates only, small counts suppressed; cacheable for a minute.
 */
@Path("/api/v1/public")
@PermitAll
public class FiguresResource {

    /** Anyone may cache an answer for a minute; the figures are recomputed at most that often anyway. */
    public static final String CACHE_CONTROL = "public, max-age=60";

    static final String CSV = "text/csv";
    private static final Set<String> PARAMETERS = Set.of("period", "from", "to", "format");

    private final FiguresService figures;
    private final Clock clock;

    public FiguresResource(FiguresService figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GET
    @Path("/figures")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response figures(
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context UriInfo uri) {
        checkParameters(uri);
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ProblemException.invalidField("format", "enum", "json or csv, found '" + format + "'");
        }
        PublicFigures f = figures.figures(Period.of(period, from, to, clock));
        if ("csv".equals(format)) {
            return csv(f);
        }
        return Response.ok(f, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    @GET
    @Path("/figures.csv")
    @Produces(CSV)
    public Response figuresCsv(
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context UriInfo uri) {
        checkParameters(uri);
        if (uri.getQueryParameters().containsKey("format")) {
            throw ProblemException.invalidField("format", "unknown", "the .csv form is always CSV");
        }
        return csv(figures.figures(Period.of(period, from, to, clock)));
    }

    private static Response csv(PublicFigures f) {
        return Response.ok(FiguresCsv.write(f), CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"sluice-figures-" + f.period().name() + ".csv\"")
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    private static void checkParameters(UriInfo uri) {
        List<Violation> unknown = new ArrayList<>();
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                unknown.add(new Violation(name, "unknown", "not a parameter of this endpoint"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.validation(unknown);
        }
    }
}
