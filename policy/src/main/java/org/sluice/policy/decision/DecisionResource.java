package org.sluice.policy.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.EngineResult;

/**
 * Stored decisions: {@code GET /api/v1/decisions/{id}} and {@code GET /api/v1/decisions/{id}/replay},
 * which evaluates the recorded inputs again under the recorded bundle and says whether the result agrees.
 */
@Path("/api/v1/decisions/{id}")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.SECURITY_ANALYST})
public class DecisionResource {

    private final Decisions decisions;
    private final BundleService bundles;

    public DecisionResource(Decisions decisions, BundleService bundles) {
        this.decisions = decisions;
        this.bundles = bundles;
    }

    /**
     * The result of a replay.
     *
     * @param decisionId the decision replayed
     * @param bundle the bundle it was made (and replayed) with
     * @param recordedOutcome the outcome recorded
     * @param recordedCodes the reason codes recorded
     * @param replayedOutcome the outcome of the replay
     * @param replayedCodes the reason codes of the replay
     * @param agrees whether outcome and reasons are the same
     * @param differences what differs, in words
     * @param reasons the replay's reasons
     */
    public record Replay(
            String decisionId,
            BundleRef bundle,
            Outcome recordedOutcome,
            List<String> recordedCodes,
            Outcome replayedOutcome,
            List<String> replayedCodes,
            boolean agrees,
            List<String> differences,
            List<Reason> reasons) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TransferDecided get(@PathParam("id") String id) {
        return stored(id).decision();
    }

    @GET
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public Replay replay(@PathParam("id") String id) {
        Decisions.Stored stored = stored(id);
        TransferDecided recorded = stored.decision();
        if (!recorded.source().name().equals("ENGINE")
                && !recorded.source().name().equals("REEVALUATION")) {
            throw ProblemException.unprocessable(
                    "not-replayable",
                    "Not an engine decision",
                    "decision " + id + " was made by reviewers, not the engine");
        }
        CompiledBundle bundle = bundles.byDigest(recorded.bundle().digest())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "bundle-missing",
                        "Bundle not stored",
                        "bundle " + recorded.bundle().digest() + " is not stored"));
        EngineResult replayed = bundle.evaluate(stored.inputs());
        List<String> differences = new ArrayList<>();
        if (replayed.outcome() != recorded.outcome()) {
            differences.add("outcome " + recorded.outcome() + " recorded, " + replayed.outcome() + " replayed");
        }
        if (!replayed.reasons().equals(recorded.reasons())) {
            differences.add("reasons " + recorded.codes() + " recorded, " + replayed.codes() + " replayed");
        }
        if (!replayed.conditions().equals(recorded.conditions())) {
            differences.add("conditions differ");
        }
        return new Replay(
                id,
                recorded.bundle(),
                recorded.outcome(),
                recorded.codes(),
                replayed.outcome(),
                replayed.codes(),
                differences.isEmpty(),
                differences,
                replayed.reasons());
    }

    private Decisions.Stored stored(String id) {
        return decisions.find(id).orElseThrow(() -> ProblemException.notFound("decision " + id));
    }
}
