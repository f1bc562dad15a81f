package org.sluice.gateway.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Evaluation;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.RuleRef;

/**
 * Plays the policy service's precheck in the gateway's tests (the real pairing is tested end to end): it
 * trusts the same tokens, so it only answers when the caller's token was forwarded, and decides by the
 * destination country.
 */
@Path("/test-policy/api/v1/policy/precheck")
@RolesAllowed("submitter")
public class StandInPolicy {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response precheck(@QueryParam("explain") String explain, JsonNode request) {
        String country = request.path("destination").path("country").asText();
        if ("KP".equals(country)) {
            return Response.status(422)
                    .type("application/problem+json")
                    .entity(Map.of(
                            "type",
                            "https://sluice.example/problems/no-bundle",
                            "title",
                            "No active bundle",
                            "status",
                            422,
                            "detail",
                            "no bundle covers " + country))
                    .build();
        }
        boolean embargoed = "IR".equals(country);
        Evaluation evaluation = new Evaluation(
                embargoed ? Outcome.DENY : Outcome.APPROVE,
                embargoed
                        ? List.of(new Reason(
                                "EMBARGOED_DESTINATION",
                                "embargo",
                                "Embargoed destination",
                                Outcome.DENY,
                                "Council Reg. (EU) 267/2012",
                                "IR is embargoed",
                                "none",
                                List.of(),
                                org.sluice.events.decision.OverrideClass.NONE))
                        : List.of(),
                List.of(),
                new BundleRef("default", "1", "sha256:" + "cd".repeat(32)),
                Instant.parse("2026-11-23T10:00:00Z"),
                "full".equals(explain) ? List.of(new RuleRef("domestic", "DOMESTIC_EXEMPT", "Domestic")) : List.of());
        return Response.ok(evaluation).build();
    }
}
