package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * A package was not fetched before its approval's validity ended; staged and sealed data were purged.
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 */
public record PackageExpired(String transferId, String packageId, String partnerId) implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
