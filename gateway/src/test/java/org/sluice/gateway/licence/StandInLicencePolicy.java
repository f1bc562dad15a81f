package org.sluice.gateway.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sluice.events.json.Json;

/**
 * Plays the policy service's licence applications in the gateway's tests (the real pairing is tested end to end):
 * it trusts the same tokens, so it only answers when the caller's token was forwarded; it keeps each
 * institution's applications, answers a retry with the same {@code Idempotency-Key} with the same application,
 * and gives its {@code Location} as the policy service would, absolute and under its own prefix.
 */
@ApplicationScoped
@Path("/test-policy/api/v1/licence-applications")
@RolesAllowed("submitter")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class StandInLicencePolicy {

    /** An application id that makes this stand-in fail as a broken policy service would. */
    static final String BROKEN = "la-broken";

    private final Map<String, ObjectNode> applications = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private final JsonWebToken token;

    public StandInLicencePolicy(JsonWebToken token) {
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@HeaderParam("Idempotency-Key") String key, JsonNode body, @Context UriInfo uri) {
        String institution = token.getClaim("institution");
        if (body.path("endUsers").isEmpty()) {
            ObjectNode problem = problem(400, "validation", "Request is invalid", "1 field(s) break the contract");
            problem.putArray("errors")
                    .addObject()
                    .put("field", "endUsers")
                    .put("rule", "minItems")
                    .put("message", "at least one end user is expected");
            return Response.status(400)
                    .type("application/problem+json")
                    .entity(problem)
                    .build();
        }
        String known = key == null ? null : keys.get(institution + "/" + key);
        ObjectNode application;
        if (known != null) {
            application = applications.get(known);
        } else {
            String id = "la-" + next.getAndIncrement();
            application = Json.mapper().createObjectNode();
            application.put("applicationId", id).put("licenceId", "lic-" + id).put("status", "PENDING");
            application.put("institutionId", institution).put("appliedBy", token.getName());
            application.setAll((ObjectNode) body);
            application.put("risk", "STANDARD").put("requiredVotes", 1);
            application.put("appliedAt", "2026-12-07T10:00:00Z").put("expectedBy", "2026-12-17T10:00:00Z");
            application.put("escalated", false).put("late", false).put("timeTaken", "PT0S");
            application.putArray("waitingTransfers");
            applications.put(id, application);
            if (key != null) {
                keys.put(institution + "/" + key, id);
            }
        }
        URI location = uri.getBaseUriBuilder()
                .path("test-policy/api/v1/licence-applications/"
                        + application.path("applicationId").asText())
                .build();
        return Response.created(location).entity(application).build();
    }

    @GET
    public Response list(
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        String institution = token.getClaim("institution");
        ObjectNode page = Json.mapper().createObjectNode();
        var items = page.putArray("items");
        applications.values().stream()
                .filter(a -> a.path("institutionId").asText().equals(institution))
                .filter(a -> status == null || a.path("status").asText().equals(status))
                .forEach(items::add);
        page.put("next", limit == null ? null : "after-" + limit + "-" + after);
        return Response.ok(page).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        if (BROKEN.equals(id)) {
            return Response.serverError()
                    .type(MediaType.TEXT_PLAIN)
                    .entity("boom")
                    .build();
        }
        ObjectNode application = own(id);
        return application == null ? notFound(id) : Response.ok(application).build();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("id") String id, JsonNode body) {
        ObjectNode application = own(id);
        if (application == null) {
            return notFound(id);
        }
        if (!"PENDING".equals(application.path("status").asText())) {
            return Response.status(409)
                    .type("application/problem+json")
                    .entity(problem(409, "application-closed", "Application is closed", id + " is decided"))
                    .build();
        }
        application.put("status", "WITHDRAWN");
        application.putArray("reasons").add(body.path("reason").asText());
        return Response.ok(application).build();
    }

    private ObjectNode own(String id) {
        ObjectNode application = applications.get(id);
        String institution = token.getClaim("institution");
        return application != null && application.path("institutionId").asText().equals(institution)
                ? application
                : null;
    }

    private static Response notFound(String id) {
        return Response.status(404)
                .type("application/problem+json")
                .entity(problem(404, "not-found", "Not found", id + " does not exist or is not yours"))
                .build();
    }

    private static ObjectNode problem(int status, String slug, String title, String detail) {
        ObjectNode problem = Json.mapper().createObjectNode();
        return problem.put("type", "https://sluice.example/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
    }
}
