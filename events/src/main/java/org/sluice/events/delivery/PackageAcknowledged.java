package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * The partner confirmed receipt with the digest it computed.
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param reportedSha256 the digest the partner computed
 * @param expectedSha256 the digest in the manifest
 * @param digestMatches whether they agree (a mismatch raises a security alert)
 */
public record PackageAcknowledged(
        String transferId,
        String packageId,
        String partnerId,
        String reportedSha256,
        String expectedSha256,
        boolean digestMatches)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
