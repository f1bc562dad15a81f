package org.sluice.transparency.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the proofs of RFC 9162 §2.1.3.1 (inclusion, PATH) and §2.1.4.1 (consistency, PROOF) and root
 * hashes of any earlier tree size, from the hashes of complete subtrees. Every hash of a range is
 * assembled from O(log n) complete subtrees, so a proof costs O(log² n) lookups at worst; {@link
 * #nodesForInclusion} and {@link #nodesForConsistency} name them beforehand so a store can fetch them in
 * one round trip.
 */
public final class ProofBuilder {

    private final NodeSource nodes;

    public ProofBuilder(NodeSource nodes) {
        this.nodes = nodes;
    }

    /** The root hash of the tree's first {@code size} leaves. */
    public byte[] root(long size) {
        return size == 0 ? Rfc9162.emptyRoot() : rangeHash(0, size);
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code size} leaves, leaf end first.
     *
     * @throws IllegalArgumentException when the index is not below the size
     */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /**
     * The proof that the tree of size {@code from} is a prefix of the tree of size {@code to}.
     *
     * @throws IllegalArgumentException when {@code from} is negative or larger than {@code to}
     */
    public List<byte[]> consistency(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 0 <= from <= to, found from " + from + " and to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    /** The complete subtrees {@link #inclusion} reads. */
    public static Set<NodeId> nodesForInclusion(long index, long size) {
        Recorder recorder = new Recorder();
        new ProofBuilder(recorder).inclusion(index, size);
        return recorder.seen;
    }

    /** The complete subtrees {@link #consistency} reads, and {@link #root} of both sizes. */
    public static Set<NodeId> nodesForConsistency(long from, long to) {
        Recorder recorder = new Recorder();
        ProofBuilder builder = new ProofBuilder(recorder);
        builder.consistency(from, to);
        builder.root(from);
        builder.root(to);
        return recorder.seen;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Rfc9162.split(n);
        if (m < start + k) {
            path(m, start, start + k, out);
            out.add(rangeHash(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(rangeHash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean wholeOldTree, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                out.add(rangeHash(start, end));
            }
            return;
        }
        long k = Rfc9162.split(n);
        if (m <= k) {
            subproof(m, start, start + k, wholeOldTree, out);
            out.add(rangeHash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(rangeHash(start, start + k));
        }
    }

    /** MTH(D[start:end]): a stored subtree when the range is one, else split as RFC 9162 splits. */
    private byte[] rangeHash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.hash(new NodeId(Long.numberOfTrailingZeros(n), start / n));
        }
        long k = Rfc9162.split(n);
        return Rfc9162.nodeHash(rangeHash(start, start + k), rangeHash(start + k, end));
    }

    private static final class Recorder implements NodeSource {
        private final Set<NodeId> seen = new LinkedHashSet<>();
        private static final byte[] PLACEHOLDER = new byte[Rfc9162.HASH_SIZE];

        @Override
        public byte[] hash(NodeId node) {
            seen.add(node);
            return PLACEHOLDER;
        }
    }
}
