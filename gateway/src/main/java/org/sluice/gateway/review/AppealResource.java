package org.sluice.gateway.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sluice.gateway.JsonBody;
import org.sluice.gateway.transfer.IdempotencyKeys;
import org.sluice.gateway.transfer.TransferPaths;
import org.sluice.gateway.transfer.TransferResource;
import org.sluice.gateway.transfer.TransferStatus;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** {@code POST /api/v1/transfers/{id}/appeal}: the submitter appeals a denial with a statement. */
@Path(TransferPaths.BASE + "/{id}/appeal")
@RolesAllowed(Roles.SUBMITTER)
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    private final AppealService appeals;
    private final TransferStatus status;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public AppealResource(AppealService appeals, TransferStatus status, CurrentPrincipal principal, TextLimits limits) {
        this.appeals = appeals;
        this.status = status;
        this.principal = principal;
        this.limits = limits;
    }

    /**
     * Files the appeal: 202 with the transfer (APPEALED, its appeal attached), which policy now reviews; the
     * same {@code Idempotency-Key} and body answer the same again, marked {@code Idempotent-Replayed}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(
            name = IdempotencyKeys.HEADER,
            in = ParameterIn.HEADER,
            description = "optional; 1 to 255 printable ASCII characters")
    public Response appeal(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        String institution = principal.requireInstitution();
        Optional<String> idempotencyKey = IdempotencyKeys.from(headers);
        AppealService.Filed filed = appeals.file(
                id, institution, principal.get(), JsonBody.read(body, limits.forJsonBody()), idempotencyKey);
        Response.ResponseBuilder response = Response.accepted(status.view(id, institution));
        if (filed.replayed()) {
            response.header(TransferResource.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
