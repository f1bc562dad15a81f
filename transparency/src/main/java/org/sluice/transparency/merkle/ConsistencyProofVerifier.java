package org.sluice.transparency.merkle;

import java.security.MessageDigest;
import java.util.List;

/** Checks an RFC 9162 §2.1.4.2 consistency proof: a pure function with a typed failure. */
public final class ConsistencyProofVerifier {

    private ConsistencyProofVerifier() {}

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
     * {@code size2} leaves with root {@code root2}.
     *
     * @throws ConsistencyProofException naming what was expected and what was found
     */
    public static void verify(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ConsistencyProofException {
        if (size1 < 0 || size2 < size1) {
            throw new ConsistencyProofException(
                    "sizes must satisfy 0 <= size1 <= size2, found " + size1 + " and " + size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ConsistencyProofException(
                        "a proof between equal sizes is empty, found " + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ConsistencyProofException("two trees of size " + size1 + " have roots "
                        + InclusionProofVerifier.hex(root1) + " and " + InclusionProofVerifier.hex(root2));
            }
            return;
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new ConsistencyProofException(
                        "a proof from the empty tree is empty, found " + proof.size() + " hashes");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ConsistencyProofException("a proof from size " + size1 + " to " + size2 + " cannot be empty");
        }
        for (byte[] p : proof) {
            if (p.length != Rfc9162.HASH_SIZE) {
                throw new ConsistencyProofException(
                        "a proof hash has " + Rfc9162.HASH_SIZE + " bytes, found " + p.length);
            }
        }
        int next = 0;
        byte[] first;
        if (Long.bitCount(size1) == 1) {
            first = root1; // the old tree is a complete subtree of the new one: its root starts the path
        } else {
            first = proof.get(next++);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                throw new ConsistencyProofException("proof from size " + size1 + " to " + size2 + " has " + proof.size()
                        + " hashes, more than the trees need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc9162.nodeHash(c, fr);
                sr = Rfc9162.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc9162.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ConsistencyProofException("proof from size " + size1 + " to " + size2 + " has " + proof.size()
                    + " hashes, fewer than the trees need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ConsistencyProofException("proof from size " + size1 + " to " + size2
                    + " leads to old root " + InclusionProofVerifier.hex(fr) + ", expected "
                    + InclusionProofVerifier.hex(root1));
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ConsistencyProofException("proof from size " + size1 + " to " + size2
                    + " leads to new root " + InclusionProofVerifier.hex(sr) + ", expected "
                    + InclusionProofVerifier.hex(root2));
        }
    }
}
