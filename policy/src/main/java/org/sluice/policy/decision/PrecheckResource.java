package org.sluice.policy.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sluice.events.decision.Evaluation;
import org.sluice.events.json.Json;
import org.sluice.events.schema.SchemaValidator;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.partner.PartnerRepository;

/**
 * {@code POST /api/v1/policy/precheck}: what the active bundle would decide for a request of the caller's
 * institution, with the same engine and inputs as a real decision, without storing or consuming anything.
 */
@Path("/api/v1/policy/precheck")
public class PrecheckResource {

    private static final SchemaValidator SCHEMA = SchemaValidator.forSchema("TransferRequest.schema.json");

    private final CurrentPrincipal principal;
    private final InputsAssembler assembler;
    private final BundleService bundles;
    private final PartnerRepository partners;
    private final Clock clock;

    public PrecheckResource(
            CurrentPrincipal principal,
            InputsAssembler assembler,
            BundleService bundles,
            PartnerRepository partners,
            Clock clock) {
        this.principal = principal;
        this.assembler = assembler;
        this.bundles = bundles;
        this.partners = partners;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Evaluation precheck(JsonNode body, @QueryParam("explain") String explain) {
        String institution = principal.requireInstitution();
        TransferRequest request = read(body);
        partners.find(request.destination().partnerId()).ifPresent(p -> {
            if (!p.country().equals(request.destination().country())) {
                throw ProblemException.invalidField(
                        "destination.country",
                        "partner-country",
                        "partner " + p.id() + " is registered in " + p.country() + ", not "
                                + request.destination().country());
            }
        });
        if (explain != null && !explain.equals("full")) {
            throw ProblemException.invalidField("explain", "enum", "explain must be 'full' or absent");
        }
        Instant now = clock.instant();
        CompiledBundle bundle = bundles.active();
        DecisionInputs inputs = assembler.assemble(institution, request, now, false, Map.of());
        return bundle.evaluate(inputs).toEvaluation(bundle.bundle().ref(), now, explain != null);
    }

    /** The body as a request, or 400 naming every field that breaks the contract. */
    static TransferRequest read(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.invalidField("(body)", "required", "a transfer request is required");
        }
        List<Violation> violations = SCHEMA.validate(body);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        try {
            return Json.mapper().treeToValue(body, TransferRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("(body)", "type", e.getOriginalMessage());
        }
    }
}
