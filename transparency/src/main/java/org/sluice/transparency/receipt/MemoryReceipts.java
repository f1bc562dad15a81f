package org.sluice.transparency.receipt;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.NodeId;
import org.sluice.transparency.merkle.ProofBuilder;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Receipts of a small log held in memory, built exactly as the audit service builds them (RFC 9162 tree,
 * signed checkpoint note): for stand-ins of the audit service and for tools. Every subtree is recomputed
 * from the entries, so this is for logs of a few thousand entries at most.
 */
public final class MemoryReceipts {

    private MemoryReceipts() {}

    /**
     * The receipt of entry {@code index} of a log of {@code entries}, under a checkpoint of the whole log.
     *
     * @param eventId the id of the event logged at {@code index}
     */
    public static AuditReceipt receipt(
            List<byte[]> entries, int index, String eventId, String origin, SigningKey logKey, Instant time) {
        byte[][] leaves = entries.stream().map(Rfc9162::leafHash).toArray(byte[][]::new);
        ProofBuilder proofs = new ProofBuilder(node -> subtree(leaves, node));
        long size = leaves.length;
        byte[] root = proofs.root(size);
        String note = SignedNote.sign(new Checkpoint(origin, size, root, time), logKey);
        Base64.Encoder b64 = Base64.getEncoder();
        return new AuditReceipt(
                eventId,
                index,
                b64.encodeToString(leaves[index]),
                b64.encodeToString(entries.get(index)),
                size,
                b64.encodeToString(root),
                note,
                proofs.inclusion(index, size).stream().map(b64::encodeToString).toList());
    }

    private static byte[] subtree(byte[][] leaves, NodeId node) {
        long width = 1L << node.level();
        long start = node.index() * width;
        if (start + width > leaves.length) {
            throw new IllegalStateException("no complete subtree " + node + " in a log of " + leaves.length);
        }
        return hash(leaves, (int) start, (int) width);
    }

    private static byte[] hash(byte[][] leaves, int start, int width) {
        if (width == 1) {
            return leaves[start];
        }
        int half = width / 2;
        return Rfc9162.nodeHash(hash(leaves, start, half), hash(leaves, start + half, half));
    }
}
