package org.sluice.transparency.merkle;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** Checks an RFC 9162 §2.1.3.2 inclusion proof: a pure function with a typed failure. */
public final class InclusionProofVerifier {

    private InclusionProofVerifier() {}

    /**
     * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose root
     * is {@code root}.
     *
     * @throws InclusionProofException naming what was expected and what was found
     */
    public static void verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InclusionProofException {
        byte[] computed = rootFromProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new InclusionProofException("inclusion proof of leaf " + index + " in a tree of size " + size
                    + " leads to root " + hex(computed) + ", expected " + hex(root));
        }
    }

    /**
     * The root the proof leads to.
     *
     * @throws InclusionProofException when the proof cannot belong to this index and size at all
     */
    public static byte[] rootFromProof(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws InclusionProofException {
        if (index < 0 || index >= size) {
            throw new InclusionProofException("leaf index " + index + " is outside a tree of size " + size);
        }
        if (leafHash.length != Rfc9162.HASH_SIZE) {
            throw new InclusionProofException(
                    "a leaf hash has " + Rfc9162.HASH_SIZE + " bytes, found " + leafHash.length);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (p.length != Rfc9162.HASH_SIZE) {
                throw new InclusionProofException(
                        "a proof hash has " + Rfc9162.HASH_SIZE + " bytes, found " + p.length);
            }
            if (sn == 0) {
                throw new InclusionProofException("inclusion proof of leaf " + index + " in a tree of size " + size
                        + " has " + proof.size() + " hashes, more than the tree is high");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc9162.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc9162.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InclusionProofException("inclusion proof of leaf " + index + " in a tree of size " + size
                    + " has " + proof.size() + " hashes, fewer than the path needs");
        }
        return r;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
