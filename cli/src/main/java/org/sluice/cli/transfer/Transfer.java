package org.sluice.cli.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.sluice.cli.delivery.PackageSummary;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.transfer.TransferRequest;

/**
 * A transfer as its submitter sees it ({@code GET /api/v1/transfers/{id}}).
 *
 * @param id the transfer
 * @param institutionId the submitting institution
 * @param state where it is now
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @param request the request as submitted
 * @param decision the latest decision, once there is one
 * @param history every state it went through
 * @param pkg the sealed package, once sealed
 * @param review the open review case while it is in review
 * @param appeal its latest appeal
 */
record Transfer(
        String id,
        String institutionId,
        String state,
        Instant createdAt,
        Instant updatedAt,
        TransferRequest request,
        Decision decision,
        List<HistoryEntry> history,
        @JsonProperty("package") PackageSummary pkg,
        Review review,
        Appeal appeal) {

    Transfer {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Whether it is waiting for its payload (state {@code RECEIVED}, possibly part-uploaded). */
    boolean awaitsPayload() {
        return "RECEIVED".equals(state);
    }

    /**
     * The latest decision.
     *
     * @param decisionId the decision
     * @param outcome the combined outcome
     * @param source engine, review, appeal or re-evaluation
     * @param decidedAt when
     * @param reasons every matched rule
     * @param conditions obligations of an approval
     * @param bundle the policy bundle that decided
     * @param validUntil for approvals: until when the package may be fetched
     */
    record Decision(
            String decisionId,
            Outcome outcome,
            String source,
            Instant decidedAt,
            List<Reason> reasons,
            List<Condition> conditions,
            BundleRef bundle,
            Instant validUntil) {
        Decision {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    /**
     * One state the transfer entered.
     *
     * @param state the state
     * @param at when
     */
    record HistoryEntry(String state, Instant at) {}

    /**
     * The open review case.
     *
     * @param reviewId the case
     * @param kind DECISION or APPEAL
     * @param openedAt when it was opened
     * @param deadline when it escalates (the new deadline once escalated)
     * @param escalated whether it went to senior reviewers
     * @param timeInReview how long it has been in review, ISO-8601
     */
    record Review(
            String reviewId, String kind, Instant openedAt, Instant deadline, boolean escalated, String timeInReview) {}

    /**
     * An appeal.
     *
     * @param appealId the appeal
     * @param decisionId the denial appealed against
     * @param statement the statement filed
     * @param filedAt when
     * @param outcome the appeal decision's outcome, once decided
     * @param outcomeDecisionId the appeal decision
     * @param decidedAt when it was decided
     */
    record Appeal(
            String appealId,
            String decisionId,
            String statement,
            Instant filedAt,
            String outcome,
            String outcomeDecisionId,
            Instant decidedAt) {}
}
