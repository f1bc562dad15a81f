package org.sluice.events.review;

import java.time.Instant;
import org.sluice.events.EventData;

/**
 * A case passed its deadline and now needs a senior reviewer.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param missedDeadline the deadline that passed
 * @param newDeadline the deadline after escalation
 * @param escalatedToRole the role that now must decide
 */
public record ReviewEscalated(
        String reviewId, String transferId, Instant missedDeadline, Instant newDeadline, String escalatedToRole)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
