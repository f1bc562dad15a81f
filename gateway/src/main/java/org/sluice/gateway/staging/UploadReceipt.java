package org.sluice.gateway.staging;

import java.time.Instant;
import org.sluice.gateway.transfer.TransferPaths;
import org.sluice.gateway.transfer.TransferState;

/**
 * The answer to a completed upload.
 *
 * @param transferId the transfer
 * @param state {@code STAGED}
 * @param sizeBytes the plaintext size received (equal to the declaration)
 * @param sha256 the plaintext SHA-256 computed (equal to the declaration)
 * @param stagedAt when it was staged
 * @param statusUrl where to follow the transfer
 */
public record UploadReceipt(
        String transferId, TransferState state, long sizeBytes, String sha256, Instant stagedAt, String statusUrl) {

    static UploadReceipt of(StagedPayload s) {
        return new UploadReceipt(
                s.transferId(),
                TransferState.STAGED,
                s.plaintextBytes(),
                s.plaintextSha256(),
                s.stagedAt(),
                TransferPaths.transfer(s.transferId()));
    }
}
