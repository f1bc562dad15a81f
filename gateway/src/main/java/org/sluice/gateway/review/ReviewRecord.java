package org.sluice.gateway.review;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.sluice.events.review.ReviewKind;

/**
 * A review case of a transfer as the gateway knows it from policy's events.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param kind a REVIEW decision or an appeal (empty while only its closing decision is known)
 * @param openedAt when policy opened it
 * @param deadline when it escalates (the new deadline once escalated)
 * @param escalated whether it passed a deadline and went to senior reviewers
 * @param closedAt when the decision settling it was made, once it was
 */
public record ReviewRecord(
        String reviewId,
        String transferId,
        @Nullable ReviewKind kind,
        @Nullable Instant openedAt,
        @Nullable Instant deadline,
        boolean escalated,
        @Nullable Instant closedAt) {

    /** Whether the case was opened and is not settled yet. */
    public boolean open() {
        return openedAt != null && closedAt == null;
    }
}
