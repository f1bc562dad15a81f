package org.sluice.events.review;

import jakarta.annotation.Nullable;
import org.sluice.events.EventData;

/**
 * The claiming reviewer (the event's actor) gave the case back to the queue.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param reason why, if said
 */
public record ReviewReleased(
        String reviewId, String transferId, @Nullable String reason) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
