package org.sluice.crypto.manifest;

import java.util.List;

/**
 * An audit receipt, exactly as the audit service serves it ({@code GET /api/v1/audit/receipts/{eventId}},
 * docs/audit.md): proof that one event is in the tamper-evident audit log, checkable offline. In a
 * manifest it is the receipt of the {@code TransferDecided} event that approved the package.
 *
 * <p>To check it: {@code SHA-256(0x00 || entry) == leafHash}; walking {@code inclusionProof} from the leaf
 * at {@code leafIndex} in a tree of {@code treeSize} gives {@code rootHash}; {@code checkpoint} is the log's
 * signed note for that size and root (its signature verifies with the log's public key).
 *
 * @param eventId the event's id
 * @param leafIndex its position in the log
 * @param leafHash base64 RFC 9162 leaf hash
 * @param entry base64 of the logged bytes (the event's canonical JSON)
 * @param treeSize size of the tree the proof is for
 * @param rootHash base64 root hash of that tree
 * @param checkpoint the signed checkpoint note of that tree
 * @param inclusionProof base64 hashes from the leaf to the root
 */
public record AuditReceipt(
        String eventId,
        long leafIndex,
        String leafHash,
        String entry,
        long treeSize,
        String rootHash,
        String checkpoint,
        List<String> inclusionProof) {

    public AuditReceipt {
        inclusionProof = inclusionProof == null ? List.of() : List.copyOf(inclusionProof);
    }
}
