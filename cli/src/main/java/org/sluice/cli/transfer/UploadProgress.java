package org.sluice.cli.transfer;

/**
 * How far a resumable upload is ({@code GET /api/v1/transfers/{id}/payload}, and the answer to a chunk).
 *
 * @param transferId the transfer
 * @param received plaintext bytes received so far: where the next chunk starts
 * @param sizeBytes the declared size
 */
record UploadProgress(String transferId, long received, long sizeBytes) {}
