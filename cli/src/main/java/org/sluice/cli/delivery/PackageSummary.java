package org.sluice.cli.delivery;

import java.time.Instant;

/**
 * A sealed package as the gateway lists it (to its partner, and in a transfer's status).
 *
 * @param packageId the package
 * @param transferId its transfer
 * @param status {@code AVAILABLE}, {@code EXPIRED} or {@code WITHDRAWN}
 * @param format the encryption format, e.g. {@code CRYPT4GH}
 * @param sizeBytes size of the package (header and body)
 * @param plaintextBytes size of the plaintext
 * @param recipientKeyId the partner key it is sealed to
 * @param signingKeyId the gateway key that signed its manifest
 * @param sealedAt when it was sealed
 * @param expiresAt when it expires if not fetched
 */
public record PackageSummary(
        String packageId,
        String transferId,
        String status,
        String format,
        long sizeBytes,
        long plaintextBytes,
        String recipientKeyId,
        String signingKeyId,
        Instant sealedAt,
        Instant expiresAt) {}
