package org.sluice.audit.trail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** {@code GET /api/v1/audit/transfers/{transferId}}: the trail of one transfer, for security analysts. */
@Path("/api/v1/audit/transfers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ANALYST)
public class TrailResource {

    private final TrailRepository trails;

    public TrailResource(TrailRepository trails) {
        this.trails = trails;
    }

    @GET
    @Path("/{transferId}")
    public Trail trail(@PathParam("transferId") String transferId) {
        if (transferId.length() > 128) {
            throw ProblemException.invalidField("transferId", "maxLength", "a transfer id has at most 128 characters");
        }
        List<TrailEntry> entries = trails.of(transferId);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("transfer " + transferId);
        }
        return new Trail(transferId, entries);
    }
}
