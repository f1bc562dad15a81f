package org.sluice.policy.review;

import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.RiskLevel;

/**
 * A review case as stored.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param kind opened by a REVIEW decision or by an appeal
 * @param decisionId the decision under review
 * @param decisionSource who made the decision under review
 * @param decisionOutcome its outcome (DENY for appeals)
 * @param appealId the appeal, for appeal cases
 * @param statement the submitter's statement, for appeal cases
 * @param institutionId the submitting institution (its members may not review)
 * @param submittedBy the submitting principal (may not review)
 * @param partnerId the destination partner
 * @param destinationCountry the destination country
 * @param category the data category
 * @param codes the reason codes of the decision under review
 * @param risk STANDARD or HIGH
 * @param requiredVotes approving votes needed
 * @param seniorRequired whether one approving vote must be a senior reviewer's (four-eyes)
 * @param escalated whether it passed its deadline (only senior reviewers may decide it now)
 * @param excludedReviewers principals who may not decide (earlier deciders, for appeals)
 * @param status OPEN, DECIDED or CLOSED
 * @param claimedBy who holds it now
 * @param claimedAt since when
 * @param openedAt when it was opened
 * @param deadline when it escalates (or, escalated, the seniors' deadline)
 * @param outcome the settled outcome
 * @param settledDecisionId the decision that settled it
 */
public record ReviewCase(
        String reviewId,
        String transferId,
        ReviewKind kind,
        String decisionId,
        DecisionSource decisionSource,
        Outcome decisionOutcome,
        String appealId,
        String statement,
        String institutionId,
        String submittedBy,
        String partnerId,
        String destinationCountry,
        String category,
        List<String> codes,
        RiskLevel risk,
        int requiredVotes,
        boolean seniorRequired,
        boolean escalated,
        List<String> excludedReviewers,
        String status,
        String claimedBy,
        Instant claimedAt,
        Instant openedAt,
        Instant deadline,
        Outcome outcome,
        String settledDecisionId) {

    public static final String OPEN = "OPEN";
    public static final String DECIDED = "DECIDED";
    public static final String CLOSED = "CLOSED";

    /** Whether approving this case overrides a denial by the engine (an appeal of the engine's DENY). */
    public boolean underReviewIsEngineDeny() {
        return decisionOutcome == Outcome.DENY
                && (decisionSource == DecisionSource.ENGINE || decisionSource == DecisionSource.REEVALUATION);
    }

    /** The case with a raised approval requirement (never lowered). */
    public ReviewCase withRequirement(int votes, boolean senior) {
        return new ReviewCase(
                reviewId,
                transferId,
                kind,
                decisionId,
                decisionSource,
                decisionOutcome,
                appealId,
                statement,
                institutionId,
                submittedBy,
                partnerId,
                destinationCountry,
                category,
                codes,
                risk,
                Math.max(requiredVotes, votes),
                seniorRequired || senior,
                escalated,
                excludedReviewers,
                status,
                claimedBy,
                claimedAt,
                openedAt,
                deadline,
                outcome,
                settledDecisionId);
    }
}
