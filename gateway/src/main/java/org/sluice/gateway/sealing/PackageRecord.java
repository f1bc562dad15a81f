package org.sluice.gateway.sealing;

import java.time.Instant;
import org.sluice.events.delivery.PackageFormat;

/**
 * A package sealed for a partner: its header (stored with the record) followed by a stretch of a stored
 * object (for Crypt4GH, the staged body, reused unchanged).
 *
 * @param packageId the package
 * @param transferId its transfer
 * @param partnerId the addressee
 * @param decisionId the approval it was sealed under
 * @param status whether it can be fetched
 * @param format the encryption format
 * @param recipientKeyId the partner key it was sealed to
 * @param plaintextBytes size of the plaintext
 * @param plaintextSha256 hex SHA-256 of the plaintext
 * @param headerBytes size of the header
 * @param headerSha256 hex SHA-256 of the header
 * @param bodyObject the payload store object holding the body
 * @param bodyOffset where the body starts in that object
 * @param bodyBytes size of the body
 * @param bodySha256 hex SHA-256 of the body
 * @param manifestSha256 hex SHA-256 of the signed manifest
 * @param signingKeyId the key that signed the manifest
 * @param sealedAt when it was sealed
 * @param expiresAt when it expires if not fetched
 */
public record PackageRecord(
        String packageId,
        String transferId,
        String partnerId,
        String decisionId,
        PackageStatus status,
        PackageFormat format,
        String recipientKeyId,
        long plaintextBytes,
        String plaintextSha256,
        long headerBytes,
        String headerSha256,
        String bodyObject,
        long bodyOffset,
        long bodyBytes,
        String bodySha256,
        String manifestSha256,
        String signingKeyId,
        Instant sealedAt,
        Instant expiresAt) {

    /** Size of the whole package, header and body. */
    public long packageBytes() {
        return headerBytes + bodyBytes;
    }
}
