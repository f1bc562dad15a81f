package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * A sealed package was withdrawn before it was fetched, because a later decision denied the transfer;
 * its data was purged.
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param decisionId the decision that withdrew it
 * @param reason a short human reason
 */
public record PackageWithdrawn(String transferId, String packageId, String partnerId, String decisionId, String reason)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
