package org.sluice.gateway.review;

import java.time.Duration;
import java.time.Instant;
import org.sluice.events.review.ReviewKind;

/**
 * The open review case of a transfer, as its submitter sees it.
 *
 * @param reviewId the case
 * @param kind a REVIEW decision ({@code DECISION}) or an appeal ({@code APPEAL})
 * @param openedAt when the case was opened
 * @param deadline when it escalates, or (once escalated) by when senior reviewers are due to decide
 * @param escalated whether it passed a deadline and went to senior reviewers
 * @param timeInReview how long it has been in review, ISO-8601 (e.g. {@code PT2H5M})
 */
public record ReviewView(
        String reviewId, ReviewKind kind, Instant openedAt, Instant deadline, boolean escalated, String timeInReview) {

    /** The view of an open case at a moment. */
    public static ReviewView of(ReviewRecord r, Instant now) {
        Duration inReview = Duration.between(r.openedAt(), now);
        return new ReviewView(
                r.reviewId(),
                r.kind(),
                r.openedAt(),
                r.deadline(),
                r.escalated(),
                (inReview.isNegative() ? Duration.ZERO : inReview).toString());
    }
}
