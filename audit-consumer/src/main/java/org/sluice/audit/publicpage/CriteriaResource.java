package org.sluice.audit.publicpage;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.sluice.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/public/criteria}: the policy service's published criteria, served again from the
 * audit service for its transparency page (same origin, cached), for anyone and without a token.
 */
@Path("/api/v1/public/criteria")
@PermitAll
public class CriteriaResource {

    private final CriteriaClient client;

    public CriteriaResource(CriteriaClient client) {
        this.client = client;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response criteria() {
        CriteriaClient.Answer answer = client.criteria();
        if (answer instanceof CriteriaClient.Known known) {
            return Response.ok(known.criteria(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", FiguresResource.CACHE_CONTROL)
                    .build();
        }
        throw new ProblemException(
                503,
                "criteria-unavailable",
                "Criteria unavailable",
                ((CriteriaClient.Unavailable) answer).why(),
                List.of());
    }
}
