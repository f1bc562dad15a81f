package org.sluice.gateway.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.sluice.gateway.JsonBody;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The partner registry for administrators. */
@Path("/api/v1/admin/partners")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerAdminResource {

    private final PartnerRegistry registry;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public PartnerAdminResource(PartnerRegistry registry, CurrentPrincipal principal, TextLimits limits) {
        this.registry = registry;
        this.principal = principal;
        this.limits = limits;
    }

    /** Registers a partner or replaces its entry: 201 when new, 200 otherwise. */
    @PUT
    @Path("/{partnerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upsert(@PathParam("partnerId") String partnerId, InputStream body) {
        PartnerRegistration registration =
                JsonBody.bind(JsonBody.read(body, limits.forJsonBody()), PartnerRegistration.class);
        PartnerRegistry.Upserted result;
        try {
            result = registry.upsert(partnerId, registration, principal.get());
        } catch (InvalidRegistrationException e) {
            throw ProblemException.validation(e.violations());
        }
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.entry())
                .build();
    }

    @GET
    public List<PartnerEntry> list() {
        return registry.list();
    }

    @GET
    @Path("/{partnerId}")
    public PartnerEntry get(@PathParam("partnerId") String partnerId) {
        return registry.find(partnerId).orElseThrow(() -> ProblemException.notFound("partner " + partnerId));
    }
}
