package org.sluice.events.decision;

import java.time.Instant;
import java.util.List;

/**
 * What the active policy decides for a request, without any effect: the answer of
 * {@code POST /api/v1/transfers/precheck} (gateway) and {@code POST /api/v1/policy/precheck} (policy),
 * in the same shape a decision has.
 *
 * @param outcome the combined outcome
 * @param reasons every matched rule
 * @param conditions obligations an approval would carry
 * @param bundle the bundle evaluated
 * @param evaluatedAt when
 * @param notMatched the rules evaluated that did not match (only with {@code ?explain=full}; else empty)
 */
public record Evaluation(
        Outcome outcome,
        List<Reason> reasons,
        List<Condition> conditions,
        BundleRef bundle,
        Instant evaluatedAt,
        List<RuleRef> notMatched) {
    public Evaluation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        notMatched = notMatched == null ? List.of() : List.copyOf(notMatched);
    }
}
