package org.sluice.policy.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sluice.events.schema.Violation;
import org.sluice.platform.input.Text;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/**
 * Reviewers' screening adjudications: {@code POST} records a verdict on a hit (a "not this party" verdict
 * clears the name against the entry until the entry changes), {@code GET} lists them. A "not this party"
 * verdict on a hit that holds up an open review case answers {@code 202} with the signatures so far until
 * the people the case needs have signed, then {@code 201} with the verdict in force.
 */
@Path("/api/v1/screening/adjudications")
@RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
public class AdjudicationResource {

    private final AdjudicationService service;
    private final CurrentPrincipal principal;

    public AdjudicationResource(AdjudicationService service, CurrentPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    /**
     * A verdict on a screening hit.
     *
     * @param entryId the list entry the name was matched with
     * @param screenedName the name as screened
     * @param verdict {@code NOT_THIS_PARTY} or {@code CONFIRMED}
     * @param justification why (required)
     */
    public record Verdict(String entryId, String screenedName, String verdict, String justification) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response adjudicate(Verdict v) {
        List<Violation> errors = new ArrayList<>();
        if (v == null) {
            throw ProblemException.invalidField("(body)", "required", "a verdict is required");
        }
        requiredText("entryId", v.entryId(), "the list entry is required").ifPresent(errors::add);
        requiredText("screenedName", v.screenedName(), "the screened name is required")
                .ifPresent(errors::add);
        if (!Adjudications.NOT_THIS_PARTY.equals(v.verdict()) && !Adjudications.CONFIRMED.equals(v.verdict())) {
            errors.add(new Violation("verdict", "enum", "verdict must be NOT_THIS_PARTY or CONFIRMED"));
        }
        requiredText("justification", v.justification(), "a justification is required")
                .ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AdjudicationService.Filed filed = service.adjudicate(
                        v.entryId(), v.screenedName(), v.verdict(), v.justification(), principal.get())
                .orElseThrow(() -> ProblemException.notFound("list entry " + v.entryId()));
        // 201: the verdict is in force; 202: a signature under a verdict that needs more signers
        return filed.inForce()
                ? Response.status(201).entity(filed.recorded()).build()
                : Response.status(202).entity(filed.pending()).build();
    }

    /** Missing ({@code required}), or blank after Unicode white space and format characters ({@code notBlank}). */
    private static Optional<Violation> requiredText(String field, String value, String message) {
        if (value == null) {
            return Optional.of(new Violation(field, "required", message));
        }
        return Text.isBlank(value)
                ? Optional.of(new Violation(field, Text.NOT_BLANK, message + "; blank text says nothing"))
                : Optional.empty();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Adjudications.Adjudication> list(@QueryParam("entryId") String entryId) {
        return service.list(entryId);
    }
}
