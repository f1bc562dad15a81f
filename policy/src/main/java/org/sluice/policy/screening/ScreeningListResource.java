package org.sluice.policy.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;

/**
 * {@code PUT /api/v1/admin/screening-lists/{listId}}: replaces a denied-party list with a CSV file. A
 * malformed file is refused with every row error and the list in force stays.
 */
@Path("/api/v1/admin/screening-lists/{listId}")
public class ScreeningListResource {

    private static final Pattern LIST_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final ScreeningService screening;
    private final CurrentPrincipal principal;
    private final PolicyConfig config;

    public ScreeningListResource(ScreeningService screening, CurrentPrincipal principal, PolicyConfig config) {
        this.screening = screening;
        this.principal = principal;
        this.config = config;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ScreeningService.Loaded load(@PathParam("listId") String listId, String body) {
        if (!LIST_ID.matcher(listId).matches()) {
            throw ProblemException.invalidField("listId", "pattern", "a list id is lower-case letters, digits and '-'");
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("(body)", "required", "the body must be a CSV screening list");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > config.limits().screeningListBytes()) {
            throw ProblemException.invalidField(
                    "(body)",
                    "maxLength",
                    "the list is larger than " + config.limits().screeningListBytes() + " bytes");
        }
        try {
            return screening.load(listId, body, principal.get());
        } catch (ScreeningFileException e) {
            List<Violation> rows = e.errors().stream()
                    .map(r -> new Violation(
                            "row " + r.row() + (r.column() == null ? "" : " " + r.column()), "csv", r.message()))
                    .toList();
            throw new ProblemException(
                    422,
                    "malformed-screening-list",
                    "Screening list is malformed",
                    e.getMessage() + "; the list in force is unchanged",
                    rows);
        }
    }
}
