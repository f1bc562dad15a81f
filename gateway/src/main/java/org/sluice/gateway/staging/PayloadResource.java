package org.sluice.gateway.staging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.OptionalLong;
import org.sluice.gateway.transfer.TransferPaths;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The payload upload of the submitter API. */
@Path(TransferPaths.BASE + "/{id}/payload")
@RolesAllowed(Roles.SUBMITTER)
public class PayloadResource {

    private final UploadService uploads;
    private final CurrentPrincipal principal;

    public PayloadResource(UploadService uploads, CurrentPrincipal principal) {
        this.uploads = uploads;
        this.principal = principal;
    }

    /** Streams the payload in; answers once it is verified and staged. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public UploadReceipt upload(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        StagedPayload staged = uploads.upload(
                id,
                principal.requireInstitution(),
                principal.get(),
                body,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength));
        return UploadReceipt.of(staged);
    }
}
