package org.sluice.transparency.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A whole tree in memory, every complete subtree kept: the reference the stored trees are checked against. */
final class MemoryTree implements NodeSource {

    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final CompactRange range = CompactRange.empty();

    static MemoryTree ofEntries(List<byte[]> entries) {
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::append);
        return tree;
    }

    void append(byte[] entry) {
        byte[] leaf = Rfc9162.leafHash(entry);
        long index = range.append(leaf, node -> nodes.put(node.id(), node.hash()));
        nodes.put(new NodeId(0, index), leaf);
    }

    long size() {
        return range.size();
    }

    byte[] leaf(long index) {
        return nodes.get(new NodeId(0, index));
    }

    @Override
    public byte[] hash(NodeId node) {
        byte[] hash = nodes.get(node);
        if (hash == null) {
            throw new IllegalStateException("no node " + node);
        }
        return hash;
    }
}
