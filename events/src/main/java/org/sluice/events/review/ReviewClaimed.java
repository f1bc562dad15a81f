package org.sluice.events.review;

import org.sluice.events.EventData;

/**
 * A reviewer (the event's actor) took the case.
 *
 * @param reviewId the case
 * @param transferId the transfer
 */
public record ReviewClaimed(String reviewId, String transferId) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
