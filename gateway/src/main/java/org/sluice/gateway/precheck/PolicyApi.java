package org.sluice.gateway.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The part of the policy service's API the gateway calls. */
@Path("/api/v1/policy")
public interface PolicyApi {

    /** What the active policy would decide for a request, without any effect. */
    @POST
    @Path("/precheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    Response precheck(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("explain") String explain,
            JsonNode request);
}
