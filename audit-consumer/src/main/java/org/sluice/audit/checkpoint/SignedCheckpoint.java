package org.sluice.audit.checkpoint;

import java.time.Instant;
import java.util.List;

/**
 * A signed tree head as the API serves it.
 *
 * @param origin the log's identity
 * @param treeSize entries it covers
 * @param rootHash base64 RFC 9162 root hash
 * @param timestamp when it was signed
 * @param keyId the signing key's id ({@code ed25519:<hex>})
 * @param note the C2SP signed note, verifiable on its own
 * @param previousTreeSize the size of the checkpoint before it (0 for the first)
 * @param consistencyProof base64 hashes proving the previous tree a prefix of this one
 */
public record SignedCheckpoint(
        String origin,
        long treeSize,
        String rootHash,
        Instant timestamp,
        String keyId,
        String note,
        long previousTreeSize,
        List<String> consistencyProof) {}
