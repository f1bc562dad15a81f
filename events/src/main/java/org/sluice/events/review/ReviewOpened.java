package org.sluice.events.review;

import java.time.Instant;
import java.util.List;
import org.sluice.events.EventData;
import org.sluice.events.decision.Reason;
import org.sluice.events.transfer.Category;

/**
 * A case was opened for human review.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param kind a REVIEW decision or an appeal
 * @param decisionId the decision that opened it (the engine's REVIEW, or the denial appealed)
 * @param institutionId the submitting institution (its members may not review)
 * @param partnerId the destination partner
 * @param destinationCountry the destination country
 * @param category the data category
 * @param risk the risk level
 * @param requiredVotes approving votes needed (2 for four-eyes)
 * @param deadline when the case escalates
 * @param reasons the engine's reasons shown to reviewers
 * @param excludedReviewers principals who may not decide (earlier deciders, for appeals)
 */
public record ReviewOpened(
        String reviewId,
        String transferId,
        ReviewKind kind,
        String decisionId,
        String institutionId,
        String partnerId,
        String destinationCountry,
        Category category,
        RiskLevel risk,
        int requiredVotes,
        Instant deadline,
        List<Reason> reasons,
        List<String> excludedReviewers)
        implements EventData {
    public ReviewOpened {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        excludedReviewers = excludedReviewers == null ? List.of() : List.copyOf(excludedReviewers);
    }

    @Override
    public String subject() {
        return transferId;
    }
}
