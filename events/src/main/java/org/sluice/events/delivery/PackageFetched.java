package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * The partner downloaded (part of) a package.
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param firstByte offset of the first byte served
 * @param bytesServed bytes served by this request
 * @param complete whether the served range reached the end of the package
 */
public record PackageFetched(
        String transferId, String packageId, String partnerId, long firstByte, long bytesServed, boolean complete)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
