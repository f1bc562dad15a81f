package org.sluice.events.transfer;

import jakarta.annotation.Nullable;
import org.sluice.events.EventData;

/**
 * The submitter withdrew the transfer before it was sealed; staged data is purged.
 *
 * @param transferId the transfer
 * @param institutionId the submitting institution
 * @param reason the submitter's reason, if given
 */
public record TransferCancelled(
        String transferId, String institutionId, @Nullable String reason) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
