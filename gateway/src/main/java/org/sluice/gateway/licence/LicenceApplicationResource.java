package org.sluice.gateway.licence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sluice.events.schema.Violation;
import org.sluice.gateway.JsonBody;
import org.sluice.gateway.transfer.IdempotencyKeys;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/**
 * A submitter's licence applications, answered by the policy service (docs/api/policy.md, "Licence
 * applications"): the gateway checks the role, the institution, the body's size and syntax and the shape of ids
 * and parameters, then relays. The officers' votes are not served here.
 */
@Path(LicencePaths.BASE)
@RolesAllowed(Roles.SUBMITTER)
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class LicenceApplicationResource {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final Pattern LIMIT = Pattern.compile("^[0-9]{1,4}$");
    private static final Pattern CURSOR = Pattern.compile("^[A-Za-z0-9._~:=+/-]{1,512}$");
    private static final Set<String> STATUSES = Set.of("PENDING", "GRANTED", "REFUSED", "WITHDRAWN");

    private final LicenceApplicationService applications;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public LicenceApplicationResource(
            LicenceApplicationService applications, CurrentPrincipal principal, TextLimits limits) {
        this.applications = applications;
        this.principal = principal;
        this.limits = limits;
    }

    /** Applies for a licence: policy's 201 with the application, {@code Location} on this gateway. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(
            name = IdempotencyKeys.HEADER,
            in = ParameterIn.HEADER,
            description = "optional; 1 to 255 printable ASCII characters")
    public Response apply(@Context HttpHeaders headers, InputStream body) {
        principal.requireInstitution();
        Optional<String> idempotencyKey = IdempotencyKeys.from(headers);
        JsonNode application = object(JsonBody.read(body, limits.forJsonBody()));
        return applications.apply(authorization(headers), idempotencyKey, application);
    }

    /** The institution's applications, newest first: {@code {"items", "next"}}. */
    @GET
    public Response list(
            @Context HttpHeaders headers,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        principal.requireInstitution();
        List<Violation> violations = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            violations.add(new Violation("status", "enum", "one of PENDING, GRANTED, REFUSED, WITHDRAWN"));
        }
        if (limit != null && !LIMIT.matcher(limit).matches()) {
            violations.add(new Violation("limit", "type", "a positive integer is expected"));
        }
        if (after != null && !CURSOR.matcher(after).matches()) {
            violations.add(new Violation("after", "cursor", "the 'next' of a previous page is expected"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return applications.list(authorization(headers), status, limit, after);
    }

    /** One of the institution's applications. */
    @GET
    @Path("/{id}")
    public Response get(@Context HttpHeaders headers, @PathParam("id") String id) {
        principal.requireInstitution();
        return applications.get(authorization(headers), requireId(id));
    }

    /** Withdraws a pending application: {@code {"reason"}}. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdraw(@Context HttpHeaders headers, @PathParam("id") String id, InputStream body) {
        principal.requireInstitution();
        String applicationId = requireId(id);
        JsonNode withdrawal = object(JsonBody.read(body, limits.forJsonBody()));
        return applications.withdraw(authorization(headers), applicationId, withdrawal);
    }

    private static String authorization(HttpHeaders headers) {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }

    /** An id that cannot be one is nothing the caller may see, as policy would answer. */
    private static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.notFound("that licence application");
        }
        return id;
    }

    private static JsonNode object(JsonNode tree) {
        if (!tree.isObject()) {
            throw ProblemException.invalidField("(body)", "type", "a JSON object is expected");
        }
        return tree;
    }
}
