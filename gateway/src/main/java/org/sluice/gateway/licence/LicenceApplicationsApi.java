package org.sluice.gateway.licence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sluice.gateway.transfer.IdempotencyKeys;

/** The policy service's licence application API, as the gateway calls it for submitters (docs/api/policy.md). */
@Path(LicencePaths.BASE)
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public interface LicenceApplicationsApi {

    /** Applies for a licence; the institution is the caller's. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response apply(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            JsonNode application);

    /** The caller's institution's applications, newest first. */
    @GET
    Response list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after);

    /** One application. */
    @GET
    @Path("/{id}")
    Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    /** Withdraws a pending application with a reason. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    Response withdraw(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            JsonNode withdrawal);
}
