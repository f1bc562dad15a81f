package org.sluice.events.transfer;

import org.sluice.events.EventData;

/**
 * A transfer whose payload has been uploaded, verified against its declaration and staged encrypted:
 * ready for a decision. Published by the gateway on {@code sluice.transfer.requested}.
 *
 * @param transferId the transfer
 * @param institutionId the submitting institution
 * @param request the request as submitted
 */
public record TransferRequested(String transferId, String institutionId, TransferRequest request) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
