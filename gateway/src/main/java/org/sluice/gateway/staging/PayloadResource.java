package org.sluice.gateway.staging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.sluice.gateway.transfer.TransferPaths;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** The payload upload of the submitter API: whole, or resumable in {@code Content-Range} chunks. */
@Path(TransferPaths.BASE + "/{id}/payload")
@RolesAllowed(Roles.SUBMITTER)
@Produces(MediaType.APPLICATION_JSON)
public class PayloadResource {

    /** Response header with the offset the next chunk must start at. */
    public static final String UPLOAD_OFFSET = "Upload-Offset";

    private final UploadService uploads;
    private final CurrentPrincipal principal;

    public PayloadResource(UploadService uploads, CurrentPrincipal principal) {
        this.uploads = uploads;
        this.principal = principal;
    }

    /**
     * Streams the payload, or one chunk of it, in: 200 once the whole payload is verified and staged,
     * 202 with the bytes received so far after a chunk.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @HeaderParam("Content-Range") String contentRange,
            InputStream body) {
        Optional<ContentRange> range;
        try {
            range = Optional.ofNullable(contentRange).map(ContentRange::parse);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("Content-Range", "pattern", e.getMessage());
        }
        UploadService.Outcome outcome = uploads.upload(
                id,
                principal.requireInstitution(),
                principal.get(),
                body,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength),
                range);
        if (outcome instanceof UploadService.Staged staged) {
            return Response.ok(UploadReceipt.of(staged.payload())).build();
        }
        UploadService.Partial partial = (UploadService.Partial) outcome;
        return progress(Response.accepted(UploadProgress.of(partial)), partial);
    }

    /** How much of the payload has arrived: where an interrupted upload resumes. */
    @GET
    public Response progress(@PathParam("id") String id) {
        UploadService.Partial partial = uploads.progress(id, principal.requireInstitution());
        return progress(Response.ok(UploadProgress.of(partial)), partial);
    }

    private static Response progress(Response.ResponseBuilder response, UploadService.Partial partial) {
        response.header(UPLOAD_OFFSET, partial.received());
        if (partial.received() > 0) {
            response.header("Range", "bytes=0-" + (partial.received() - 1));
        }
        return response.build();
    }
}
