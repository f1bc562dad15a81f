package org.sluice.audit.proof;

import java.util.List;

/**
 * Proof that an event is in the log, checkable offline with the log's public key: hash {@code entry}
 * as a leaf, walk {@code inclusionProof} to a root, and compare it with the root in the signed
 * {@code checkpoint} note.
 *
 * @param eventId the event
 * @param leafIndex its leaf index
 * @param leafHash base64 SHA-256(0x00 || entry)
 * @param entry base64 of the canonical event bytes
 * @param treeSize the size of the checkpoint
 * @param rootHash base64 root hash of the checkpoint
 * @param checkpoint the C2SP signed note of the checkpoint
 * @param inclusionProof base64 audit path, leaf end first
 */
public record Receipt(
        String eventId,
        long leafIndex,
        String leafHash,
        String entry,
        long treeSize,
        String rootHash,
        String checkpoint,
        List<String> inclusionProof) {}
