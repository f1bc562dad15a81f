package org.sluice.gateway.precheck;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.sluice.gateway.JsonBody;
import org.sluice.gateway.transfer.TransferPaths;
import org.sluice.platform.input.TextLimits;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/** {@code POST /api/v1/transfers/precheck}: the decision policy would make, with nothing staged. */
@Path(TransferPaths.BASE + "/precheck")
@RolesAllowed(Roles.SUBMITTER)
public class PrecheckResource {

    private static final Pattern EXPLAIN = Pattern.compile("^[a-z]{1,16}$");

    private final PrecheckService prechecks;
    private final CurrentPrincipal principal;
    private final TextLimits limits;

    public PrecheckResource(PrecheckService prechecks, CurrentPrincipal principal, TextLimits limits) {
        this.prechecks = prechecks;
        this.principal = principal;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response precheck(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("explain") String explain,
            InputStream body) {
        principal.requireInstitution();
        if (explain != null && !EXPLAIN.matcher(explain).matches()) {
            throw ProblemException.invalidField("explain", "pattern", "a lower-case word such as 'full' is expected");
        }
        return prechecks.precheck(JsonBody.read(body, limits.forJsonBody()), authorization, explain);
    }
}
