package org.sluice.gateway.staging;

import java.time.Instant;

/**
 * A verified payload staged encrypted for the gateway's own key.
 *
 * @param transferId its transfer
 * @param objectKey the payload store object holding the Crypt4GH file (header and body)
 * @param plaintextBytes size of the plaintext (equal to the declaration)
 * @param plaintextSha256 hex SHA-256 of the plaintext (equal to the declaration)
 * @param headerBytes size of the staged header
 * @param bodyBytes size of the encrypted body
 * @param bodySha256 hex SHA-256 of the body, computed once during the upload
 * @param stagedAt when it was staged
 */
public record StagedPayload(
        String transferId,
        String objectKey,
        long plaintextBytes,
        String plaintextSha256,
        long headerBytes,
        long bodyBytes,
        String bodySha256,
        Instant stagedAt) {

    /** The store key of a transfer's staged payload. */
    public static String objectKeyOf(String transferId) {
        return "staged/" + transferId + ".c4gh";
    }
}
