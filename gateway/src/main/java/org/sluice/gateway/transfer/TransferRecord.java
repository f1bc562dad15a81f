package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferRequest;

/**
 * A transfer as the gateway stores it.
 *
 * @param id the transfer id
 * @param institutionId the submitting institution
 * @param submittedBy the submitting principal
 * @param request the request as submitted
 * @param state the current state
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @param decision the latest decision, if any
 * @param decidedAt when the latest decision was made
 */
public record TransferRecord(
        String id,
        String institutionId,
        String submittedBy,
        TransferRequest request,
        TransferState state,
        Instant createdAt,
        Instant updatedAt,
        @Nullable TransferDecided decision,
        @Nullable Instant decidedAt) {

    /** The destination partner. */
    public String partnerId() {
        return request.destination().partnerId();
    }
}
