package org.sluice.transparency.merkle;

/** Where the hashes of complete subtrees come from: a database, a file, memory. */
@FunctionalInterface
public interface NodeSource {

    /**
     * The hash of a complete subtree.
     *
     * @throws IllegalStateException when the source does not hold it (the tree is smaller)
     */
    byte[] hash(NodeId node);
}
