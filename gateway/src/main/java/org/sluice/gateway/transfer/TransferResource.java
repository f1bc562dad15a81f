package org.sluice.gateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.JsonBody;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The submitter API of transfers: submit, follow, cancel. */
@Path(TransferPaths.BASE)
@RolesAllowed(Roles.SUBMITTER)
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    /** Set on the answer to a retried submission (same key, same body). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SubmissionService submissions;
    private final TransferStatus status;
    private final CancellationService cancellations;
    private final CurrentPrincipal principal;
    private final GatewayConfig config;

    public TransferResource(
            SubmissionService submissions,
            TransferStatus status,
            CancellationService cancellations,
            CurrentPrincipal principal,
            GatewayConfig config) {
        this.submissions = submissions;
        this.status = status;
        this.cancellations = cancellations;
        this.principal = principal;
        this.config = config;
    }

    /** Submits a transfer request: 201 with its id and where to upload the payload. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) {
        String institution = principal.requireInstitution();
        JsonNode tree = JsonBody.read(body, config.limits().maxJsonBytes());
        SubmissionService.Submitted submitted =
                submissions.submit(tree, principal.get(), institution, Optional.ofNullable(idempotencyKey));
        Response.ResponseBuilder response = Response.created(
                        URI.create(TransferPaths.transfer(submitted.transfer().id())))
                .entity(TransferCreated.of(submitted.transfer()));
        if (submitted.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    /** A transfer's state, decision with every reason, history and package. */
    @GET
    @Path("/{id}")
    public TransferView get(@PathParam("id") String id) {
        return status.view(id, principal.requireInstitution());
    }

    /** Cancels a transfer not yet sealed; its staged data is purged. */
    @DELETE
    @Path("/{id}")
    public TransferView cancel(@PathParam("id") String id, @QueryParam("reason") String reason) {
        String institution = principal.requireInstitution();
        cancellations.cancel(id, institution, principal.get(), reason);
        return status.view(id, institution);
    }
}
