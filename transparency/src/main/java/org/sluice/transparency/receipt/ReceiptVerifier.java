package org.sluice.transparency.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.events.json.Json;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.CheckpointException;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.InclusionProofException;
import org.sluice.transparency.merkle.InclusionProofVerifier;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Checks an audit receipt offline (docs/audit.md, Proofs and receipts): the entry hashes to the leaf hash,
 * the inclusion proof leads from that leaf to the root, and the checkpoint note states that size and root
 * (and, given the log's public key, is signed by it). A pure function with a typed failure.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {}

    /**
     * A receipt that checked out.
     *
     * @param checkpoint the checkpoint the entry is proven to be in
     * @param event the logged event (its JSON), whose {@code id} is the receipt's event id
     * @param signatureChecked whether the checkpoint's signature was verified with the log's key
     */
    public record Verified(Checkpoint checkpoint, JsonNode event, boolean signatureChecked) {}

    /**
     * Verifies a receipt.
     *
     * @param origin the log's origin line, e.g. {@code sluice.example/audit}; with {@code logKey}
     * @param logKey the log's Ed25519 public key, or null to check the proof against the checkpoint's text
     *     without its signature
     * @throws ReceiptException naming the first check that failed
     */
    public static Verified verify(AuditReceipt receipt, String origin, PublicKey logKey) throws ReceiptException {
        byte[] entry = base64(receipt.entry(), "entry");
        byte[] leafHash = base64(receipt.leafHash(), "leafHash");
        byte[] computedLeaf = Rfc9162.leafHash(entry);
        if (!MessageDigest.isEqual(computedLeaf, leafHash)) {
            throw new ReceiptException("the receipt's entry hashes to leaf " + hex(computedLeaf)
                    + ", but its leafHash is " + hex(leafHash));
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 0; i < receipt.inclusionProof().size(); i++) {
            proof.add(base64(receipt.inclusionProof().get(i), "inclusionProof[" + i + "]"));
        }
        byte[] root = base64(receipt.rootHash(), "rootHash");
        try {
            InclusionProofVerifier.verify(receipt.leafIndex(), receipt.treeSize(), leafHash, proof, root);
        } catch (InclusionProofException e) {
            throw new ReceiptException(e.getMessage(), e);
        }
        Checkpoint checkpoint = checkpoint(receipt.checkpoint(), origin, logKey);
        if (checkpoint.size() != receipt.treeSize() || !MessageDigest.isEqual(checkpoint.rootHash(), root)) {
            throw new ReceiptException("the checkpoint is of size " + checkpoint.size() + " with root "
                    + hex(checkpoint.rootHash()) + ", but the proof is for size " + receipt.treeSize() + " with root "
                    + hex(root));
        }
        JsonNode event;
        try {
            event = Json.mapper().readTree(entry);
        } catch (IOException e) {
            throw new ReceiptException("the receipt's entry is not JSON: " + e.getMessage(), e);
        }
        if (!receipt.eventId().equals(event.path("id").asText())) {
            throw new ReceiptException("the receipt is for event " + receipt.eventId() + ", but its entry is event "
                    + event.path("id").asText());
        }
        return new Verified(checkpoint, event, logKey != null);
    }

    private static Checkpoint checkpoint(String note, String origin, PublicKey logKey) throws ReceiptException {
        try {
            if (logKey != null) {
                return SignedNote.openCheckpoint(note, origin, logKey);
            }
            int split = note.indexOf("\n\n");
            return Checkpoint.parse(split < 0 ? note : note.substring(0, split + 1));
        } catch (CheckpointException e) {
            throw new ReceiptException("the receipt's checkpoint does not check out: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String value, String field) throws ReceiptException {
        try {
            return Base64.getDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ReceiptException("the receipt's " + field + " is not base64");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
