package org.sluice.audit.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sluice.audit.AuditConfig;
import org.sluice.events.json.Json;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** Search, single entries and streamed exports of the log, for security analysts. */
@Path("/api/v1/audit")
@RolesAllowed(Roles.SECURITY_ANALYST)
public class QueryResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final Set<String> FILTERS = Set.of(
            "transferId",
            "subject",
            "actor",
            "institution",
            "partner",
            "country",
            "outcome",
            "reasonCode",
            "type",
            "from",
            "to");
    private static final Set<String> PAGING = Set.of("cursor", "limit", "order");

    private final QueryRepository queries;
    private final AuditConfig.QueryConfig config;

    public QueryResource(QueryRepository queries, AuditConfig config) {
        this.queries = queries;
        this.config = config.query();
    }

    /** A page of matching entries in index order; {@code nextCursor} continues it. */
    @GET
    @Path("/entries")
    @Produces(MediaType.APPLICATION_JSON)
    public Page search(@Context UriInfo uri) {
        EntryQuery query = parse(uri, PAGING);
        List<QueriedEntry> entries = queries.page(query);
        String next = entries.size() == query.limit()
                ? Long.toString(entries.get(entries.size() - 1).index())
                : null;
        return new Page(entries, next);
    }

    /** One entry by its leaf index. */
    @GET
    @Path("/entries/{index}")
    @Produces(MediaType.APPLICATION_JSON)
    public QueriedEntry entry(@PathParam("index") long index) {
        List<QueriedEntry> found = queries.page(EntryQuery.at(index));
        if (index < 0 || found.isEmpty() || found.get(0).index() != index) {
            throw ProblemException.notFound("entry " + index);
        }
        return found.get(0);
    }

    /**
     * Every matching entry, streamed: {@code format=ndjson} (default; the whole log unfiltered is what
     * {@code sluice-verify --export} checks) or {@code format=csv}.
     */
    @GET
    @Path("/export")
    @Produces({NDJSON, CSV})
    public Response export(@Context UriInfo uri) {
        String format = uri.getQueryParameters().getFirst("format");
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"ndjson".equals(format)) {
            throw ProblemException.invalidField("format", "enum", "format is ndjson or csv");
        }
        EntryQuery query = parse(uri, Set.of("format"));
        StreamingOutput body = out -> {
            if (csv) {
                out.write(Csv.HEADER.getBytes(StandardCharsets.UTF_8));
                queries.stream(query, e -> out.write(Csv.row(e).getBytes(StandardCharsets.UTF_8)));
            } else {
                queries.stream(query, e -> writeLine(out, e));
            }
        };
        return Response.ok(body, csv ? CSV : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit-log." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private static void writeLine(OutputStream out, QueriedEntry e) throws java.io.IOException {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("index", e.index());
        line.put("eventId", e.eventId());
        line.put("leafHash", e.leafHash());
        line.set("entry", e.event());
        out.write(Json.mapper().writeValueAsBytes(line));
        out.write('\n');
    }

    private EntryQuery parse(UriInfo uri, Set<String> alsoAllowed) {
        Map<String, String> params = new HashMap<>();
        List<Violation> unknown = new java.util.ArrayList<>();
        for (var p : uri.getQueryParameters().entrySet()) {
            if (FILTERS.contains(p.getKey()) || alsoAllowed.contains(p.getKey())) {
                params.put(p.getKey(), p.getValue().get(0));
            } else {
                unknown.add(new Violation(p.getKey(), "unknown", "not a parameter of this endpoint"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.validation(unknown);
        }
        params.remove("format");
        try {
            return EntryQuery.parse(params, config.defaultLimit(), config.maxLimit());
        } catch (InvalidQueryException e) {
            throw ProblemException.validation(e.violations());
        }
    }

    /**
     * A page of results.
     *
     * @param entries the entries, index order
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    public record Page(List<QueriedEntry> entries, String nextCursor) {}
}
