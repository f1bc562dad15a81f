package org.sluice.gateway.staging;

/**
 * How far an upload is.
 *
 * @param transferId the transfer
 * @param received plaintext bytes received so far: the offset the next chunk starts at
 * @param sizeBytes the declared size
 */
public record UploadProgress(String transferId, long received, long sizeBytes) {

    static UploadProgress of(UploadService.Partial p) {
        return new UploadProgress(p.transferId(), p.received(), p.sizeBytes());
    }
}
