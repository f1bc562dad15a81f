package org.sluice.policy.engine;

import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.Evaluation;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.RuleRef;

/**
 * What a bundle decided for some inputs.
 *
 * @param outcome the combined outcome
 * @param reasons every matched rule, in bundle order
 * @param conditions obligations of an approval
 * @param notMatched rules evaluated that did not match
 * @param quotaCharges ids of the licences whose quota an approval consumes (for APPROVE and for REVIEW,
 *     which a reviewer may approve; empty for DENY)
 */
public record EngineResult(
        Outcome outcome,
        List<Reason> reasons,
        List<Condition> conditions,
        List<RuleRef> notMatched,
        List<String> quotaCharges) {

    /** The codes of the reasons, in order. */
    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }

    /** The precheck answer; {@code explain} adds the rules that did not match. */
    public Evaluation toEvaluation(BundleRef bundle, Instant evaluatedAt, boolean explain) {
        return new Evaluation(outcome, reasons, conditions, bundle, evaluatedAt, explain ? notMatched : List.of());
    }
}
