package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;

/**
 * The latest decision on a transfer, as its submitter sees it.
 *
 * @param decisionId the decision
 * @param outcome the combined outcome
 * @param source engine, review, appeal or re-evaluation
 * @param decidedAt when it was made
 * @param reasons every matched rule: code, rule id, title, effect, citation, explanation, remediation, evidence
 * @param conditions obligations of an approval
 * @param bundle the policy bundle, with its digest
 * @param validUntil for approvals: until when the package may be fetched
 * @param reviewId the review case that settled it, if any
 * @param supersedes the decision it replaced, if any
 */
public record DecisionView(
        String decisionId,
        Outcome outcome,
        DecisionSource source,
        Instant decidedAt,
        List<Reason> reasons,
        List<Condition> conditions,
        BundleRef bundle,
        @Nullable Instant validUntil,
        @Nullable String reviewId,
        @Nullable String supersedes) {

    static DecisionView of(TransferDecided d, Instant decidedAt) {
        return new DecisionView(
                d.decisionId(),
                d.outcome(),
                d.source(),
                decidedAt,
                d.reasons(),
                d.conditions(),
                d.bundle(),
                d.validUntil(),
                d.reviewId(),
                d.supersedes());
    }
}
