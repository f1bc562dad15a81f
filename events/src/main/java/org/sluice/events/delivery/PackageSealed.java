package org.sluice.events.delivery;

import java.time.Instant;
import org.sluice.events.EventData;

/**
 * An approved payload was sealed for its partner and can be fetched.
 *
 * @param transferId the transfer
 * @param packageId the package
 * @param partnerId the addressee
 * @param decisionId the approval it was sealed under
 * @param policyDigest digest of the bundle that approved it
 * @param format the encryption format
 * @param recipientKeyId the partner key it was sealed to
 * @param plaintextBytes size of the plaintext
 * @param plaintextSha256 hex SHA-256 of the plaintext
 * @param packageBytes size of the encrypted package (header and body)
 * @param headerSha256 hex SHA-256 of the package's header, written for this partner at sealing
 * @param bodySha256 hex SHA-256 of the package's body (the encrypted segments, computed once at upload:
 *     re-sealing rewrites only the header, so its cost does not grow with the payload)
 * @param manifestSha256 hex SHA-256 of the signed manifest
 * @param signingKeyId the gateway key that signed the manifest
 * @param expiresAt when the package expires if not fetched
 */
public record PackageSealed(
        String transferId,
        String packageId,
        String partnerId,
        String decisionId,
        String policyDigest,
        PackageFormat format,
        String recipientKeyId,
        long plaintextBytes,
        String plaintextSha256,
        long packageBytes,
        String headerSha256,
        String bodySha256,
        String manifestSha256,
        String signingKeyId,
        Instant expiresAt)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
