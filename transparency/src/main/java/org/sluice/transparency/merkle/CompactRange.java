package org.sluice.transparency.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The right edge of a growing Merkle tree: for a tree of {@code size} leaves, the hashes of the perfect
 * subtrees that the set bits of {@code size} describe, largest first. That is all an appender needs to
 * take the next leaf and to compute the root: at most 63 hashes, whatever the size.
 */
public final class CompactRange {

    private long size;
    private final List<byte[]> peaks;

    private CompactRange(long size, List<byte[]> peaks) {
        this.size = size;
        this.peaks = peaks;
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /**
     * The range of a tree of {@code size} leaves from its peaks, as {@link #peakIds(long)} names them.
     *
     * @throws IllegalArgumentException when the number of peaks does not fit the size
     */
    public static CompactRange of(long size, List<byte[]> peaks) {
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " leaves has " + Long.bitCount(size) + " peaks, found " + peaks.size());
        }
        return new CompactRange(size, new ArrayList<>(peaks));
    }

    /** The complete subtrees whose hashes make up the range of a tree of {@code size} leaves, largest first. */
    public static List<NodeId> peakIds(long size) {
        List<NodeId> ids = new ArrayList<>(Long.bitCount(size));
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                ids.add(new NodeId(level, (size >>> level) - 1));
            }
        }
        return ids;
    }

    /** The range of a tree of {@code size} leaves, its peaks read from {@code nodes}. */
    public static CompactRange load(long size, NodeSource nodes) {
        return of(size, peakIds(size).stream().map(nodes::hash).toList());
    }

    /**
     * Appends a leaf.
     *
     * @param leafHash the leaf's hash
     * @param completed receives every interior node the leaf completes (level 1 and up), lowest first
     * @return the index of the appended leaf
     */
    public long append(byte[] leafHash, Consumer<Node> completed) {
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        while ((size >>> level & 1) == 1) {
            hash = Rfc9162.nodeHash(peaks.remove(peaks.size() - 1), hash);
            level++;
            completed.accept(new Node(new NodeId(level, index >>> level), hash));
        }
        peaks.add(hash);
        size++;
        return index;
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The root hash of the tree. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return Rfc9162.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = Rfc9162.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    /** A copy that can grow independently. */
    public CompactRange copy() {
        return new CompactRange(size, new ArrayList<>(peaks));
    }
}
