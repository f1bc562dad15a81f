package org.sluice.policy.bundle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.sluice.events.decision.Outcome;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** {@code GET /api/v1/policy/rules}: the active bundle's rules; {@code sunsetWithin} lists those due for review. */
@Path("/api/v1/policy/rules")
public class RulesResource {

    private final BundleService bundles;
    private final Clock clock;

    public RulesResource(BundleService bundles, Clock clock) {
        this.bundles = bundles;
        this.clock = clock;
    }

    /**
     * A rule as the API shows it.
     *
     * @param id the rule id
     * @param code its reason code
     * @param title its title
     * @param effect its effect
     * @param citation its legal basis
     * @param validFrom first day it applies, if limited
     * @param validUntil its sunset, if any
     * @param file the bundle file it is written in
     */
    public record RuleView(
            String id,
            String code,
            String title,
            Outcome effect,
            String citation,
            LocalDate validFrom,
            LocalDate validUntil,
            String file) {}

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.SECURITY_ANALYST, Roles.SUBMITTER})
    @Produces(MediaType.APPLICATION_JSON)
    public List<RuleView> rules(@QueryParam("sunsetWithin") String sunsetWithin) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate horizon = null;
        if (sunsetWithin != null) {
            try {
                horizon = today.plus(Period.parse(sunsetWithin));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(
                        "sunsetWithin", "format", "an ISO-8601 period such as P90D, found '" + sunsetWithin + "'");
            }
        }
        LocalDate until = horizon;
        return bundles.active().bundle().rules().stream()
                .filter(r -> until == null
                        || (r.validUntil() != null && !r.validUntil().isAfter(until)))
                .map(r -> new RuleView(
                        r.id(), r.code(), r.title(), r.effect(), r.citation(), r.validFrom(), r.validUntil(), r.file()))
                .toList();
    }
}
