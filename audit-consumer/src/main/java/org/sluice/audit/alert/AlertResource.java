package org.sluice.audit.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.sluice.events.security.SecurityAlert;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** {@code GET /api/v1/audit/alerts}: the alerts the rules raised, newest first. */
@Path("/api/v1/audit/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ANALYST)
public class AlertResource {

    private static final int MAX_LIMIT = 500;

    private final AlertRepository alerts;

    public AlertResource(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * Alerts raised by entries before leaf {@code before} (default: all), at most {@code limit}.
     */
    @GET
    public List<SecurityAlert> list(
            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "range", "limit is between 1 and " + MAX_LIMIT);
        }
        return alerts.newest(before, limit);
    }
}
