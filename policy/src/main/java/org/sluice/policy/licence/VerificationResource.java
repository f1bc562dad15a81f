package org.sluice.policy.licence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.sluice.platform.input.Text;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** Post-shipment verifications: listed by status and due date, closed with a note once verified. */
@Path("/api/v1/admin/verifications")
@RolesAllowed({Roles.ADMIN, Roles.SENIOR_REVIEWER})
public class VerificationResource {

    private static final Set<String> STATUSES =
            Set.of(Verifications.OPEN, Verifications.CLOSED, Verifications.WITHDRAWN);

    private final Verifications verifications;
    private final CurrentPrincipal principal;
    private final Clock clock;

    public VerificationResource(Verifications verifications, CurrentPrincipal principal, Clock clock) {
        this.verifications = verifications;
        this.principal = principal;
        this.clock = clock;
    }

    /**
     * How a verification was closed.
     *
     * @param note what was verified (receipt, end use, end users) and how
     */
    public record Closure(String note) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Verifications.Verification> list(@QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "enum", "status must be one of " + STATUSES);
        }
        return verifications.list(status);
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Verifications.Verification close(@PathParam("id") String id, Closure closure) {
        if (closure == null || closure.note() == null) {
            throw ProblemException.invalidField("note", "required", "say what was verified and how");
        }
        if (Text.isBlank(closure.note())) {
            // blank after Unicode white space and format characters: zero-width spaces say nothing
            throw ProblemException.invalidField("note", Text.NOT_BLANK, "say what was verified and how");
        }
        Verifications.Verification v =
                verifications.find(id).orElseThrow(() -> ProblemException.notFound("verification " + id));
        if (!verifications.close(id, principal.get().id(), clock.instant(), closure.note())) {
            throw ProblemException.conflict(
                    "not-open", "Verification not open", "verification " + id + " is " + v.status());
        }
        return verifications.find(id).orElseThrow();
    }
}
