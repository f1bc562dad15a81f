package org.sluice.gateway.sealing;

import java.time.Instant;
import org.sluice.events.delivery.PackageFormat;

/**
 * A sealed package as submitters and partners see it.
 *
 * @param packageId the package
 * @param transferId its transfer
 * @param status whether it can be fetched
 * @param format the encryption format
 * @param sizeBytes size of the package (header and body)
 * @param plaintextBytes size of the plaintext
 * @param recipientKeyId the partner key it was sealed to
 * @param manifestSha256 hex SHA-256 of the signed manifest
 * @param signingKeyId the key that signed the manifest
 * @param sealedAt when it was sealed
 * @param expiresAt when it expires if not fetched
 */
public record PackageView(
        String packageId,
        String transferId,
        PackageStatus status,
        PackageFormat format,
        long sizeBytes,
        long plaintextBytes,
        String recipientKeyId,
        String manifestSha256,
        String signingKeyId,
        Instant sealedAt,
        Instant expiresAt) {

    /** The view of a package. */
    public static PackageView of(PackageRecord p) {
        return new PackageView(
                p.packageId(),
                p.transferId(),
                p.status(),
                p.format(),
                p.packageBytes(),
                p.plaintextBytes(),
                p.recipientKeyId(),
                p.manifestSha256(),
                p.signingKeyId(),
                p.sealedAt(),
                p.expiresAt());
    }
}
