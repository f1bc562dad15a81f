package org.sluice.cli.transfer;

import java.time.Instant;

/**
 * The gateway's answer to a completed upload.
 *
 * @param transferId the transfer
 * @param state {@code STAGED}
 * @param sizeBytes the plaintext bytes received
 * @param sha256 their SHA-256 as the gateway computed it
 * @param stagedAt when it was staged
 */
record UploadReceipt(String transferId, String state, long sizeBytes, String sha256, Instant stagedAt) {}
