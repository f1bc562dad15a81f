package org.sluice.transparency.merkle;

/**
 * A perfect subtree of the log: level 0 is a leaf, level {@code l} covers the {@code 2^l} leaves from
 * {@code index * 2^l}. Once complete, such a subtree's hash never changes, so it can be stored.
 *
 * @param level height above the leaves
 * @param index position among the subtrees of that level, left to right
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }
}
