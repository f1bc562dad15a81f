package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * An approved transfer could not be sealed yet, e.g. because the partner has no valid key; it is sealed
 * as soon as the cause is fixed.
 *
 * @param transferId the transfer
 * @param partnerId the addressee
 * @param decisionId the approval
 * @param reason why it is held
 */
public record PackageHeld(String transferId, String partnerId, String decisionId, String reason) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
