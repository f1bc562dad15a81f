package org.sluice.gateway.delivery;

import org.sluice.events.delivery.PackageAcknowledged;

/**
 * The answer to an acknowledgement: what the partner reported and whether it matches. Never the digest the
 * gateway expected, so a partner learns nothing from a wrong guess (the audit log's event has both).
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param reportedSha256 the digest the partner reported
 * @param digestMatches whether it is the plaintext's digest
 * @param detail what follows from it, in words
 */
public record AcknowledgementReceipt(
        String transferId,
        String packageId,
        String partnerId,
        String reportedSha256,
        boolean digestMatches,
        String detail) {

    static AcknowledgementReceipt of(PackageAcknowledged ack) {
        return new AcknowledgementReceipt(
                ack.transferId(),
                ack.packageId(),
                ack.partnerId(),
                ack.reportedSha256(),
                ack.digestMatches(),
                ack.digestMatches()
                        ? "the reported SHA-256 matches the plaintext of the package; the transfer is acknowledged"
                        : "the reported SHA-256 does not match the plaintext of the package; the mismatch is"
                                + " recorded and the security team alerted");
    }
}
