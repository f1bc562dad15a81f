package org.sluice.audit.proof;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.sluice.audit.log.LogStore;
import org.sluice.audit.log.NodeStore;
import org.sluice.platform.problem.ProblemException;
import org.sluice.transparency.merkle.ProofBuilder;

/** Inclusion and consistency proofs of the stored tree, each from one read of the nodes it needs. */
@ApplicationScoped
public class ProofService {

    private final NodeStore nodes;
    private final LogStore log;

    public ProofService(NodeStore nodes, LogStore log) {
        this.nodes = nodes;
        this.log = log;
    }

    /**
     * The audit path of leaf {@code index} in the tree of {@code size} leaves.
     *
     * @throws ProblemException 404 when the tree has no such leaf or is not that large yet
     */
    public List<byte[]> inclusion(long index, long size) {
        requireSize(size);
        if (index >= size) {
            throw ProblemException.notFound("leaf " + index + " in a tree of size " + size);
        }
        return new ProofBuilder(nodes.fetch(ProofBuilder.nodesForInclusion(index, size))).inclusion(index, size);
    }

    /** The consistency proof between two sizes; 404 when the log is not {@code to} large yet. */
    public List<byte[]> consistency(long from, long to) {
        requireSize(to);
        return new ProofBuilder(nodes.fetch(ProofBuilder.nodesForConsistency(from, to))).consistency(from, to);
    }

    /** The root hashes of two sizes, from the nodes the consistency proof between them reads. */
    public byte[][] roots(long from, long to) {
        requireSize(to);
        ProofBuilder builder = new ProofBuilder(nodes.fetch(ProofBuilder.nodesForConsistency(from, to)));
        return new byte[][] {builder.root(from), builder.root(to)};
    }

    private void requireSize(long size) {
        long current = log.head().size();
        if (size > current) {
            throw ProblemException.notFound("a tree of size " + size + " (the log holds " + current + " entries)");
        }
    }
}
