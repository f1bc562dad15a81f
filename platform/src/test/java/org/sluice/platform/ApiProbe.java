package org.sluice.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** Resources under {@code /api/}, the way the services lay theirs out, to see the caching headers. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ApiProbe {

    @GET
    @Path("/probe/person")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> person() {
        return Map.of("name", "A. Person");
    }

    @GET
    @Path("/probe/missing")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> missing() {
        throw ProblemException.notFound("probe record");
    }

    @GET
    @Path("/probe/own-cache-control")
    @RolesAllowed(Roles.ADMIN)
    public Response ownCacheControl() {
        return Response.ok(Map.of("name", "A. Person"))
                .header("Cache-Control", "private, max-age=5")
                .build();
    }

    @GET
    @Path("/public/figures")
    public Response figures() {
        return Response.ok(Map.of("total", 7))
                .header("Cache-Control", "public, max-age=60")
                .build();
    }

    @GET
    @Path("/public/plain")
    public Map<String, Integer> plain() {
        return Map.of("total", 7);
    }
}
