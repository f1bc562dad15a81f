package org.sluice.audit.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.sluice.audit.checkpoint.CheckpointStore;
import org.sluice.audit.checkpoint.SignedCheckpoint;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** Entries and the proofs over them, for security analysts. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ANALYST)
public class ProofResource {

    private final ProofService proofs;
    private final EntryRepository entries;
    private final CheckpointStore checkpoints;

    public ProofResource(ProofService proofs, EntryRepository entries, CheckpointStore checkpoints) {
        this.proofs = proofs;
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves (default: the
     * latest checkpoint's size).
     */
    @GET
    @Path("/proofs/inclusion")
    public InclusionProof inclusion(@QueryParam("index") Long index, @QueryParam("treeSize") Long treeSize) {
        List<Violation> errors = new ArrayList<>();
        if (index == null || index < 0) {
            errors.add(new Violation("index", "minimum", "index is a leaf index, 0 or more"));
        }
        if (treeSize != null && treeSize < 1) {
            errors.add(new Violation("treeSize", "minimum", "treeSize is 1 or more"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        long size = treeSize != null
                ? treeSize
                : checkpoints.latest().map(SignedCheckpoint::treeSize).orElse(0L);
        StoredEntry entry = entries.byIndex(index).orElseThrow(() -> ProblemException.notFound("entry " + index));
        List<byte[]> path = proofs.inclusion(index, size);
        byte[] root = proofs.roots(size, size)[1];
        return new InclusionProof(index, size, Hashes.b64(entry.leafHash()), Hashes.b64(root), Hashes.b64(path));
    }

    /** The consistency proof between two tree sizes. */
    @GET
    @Path("/proofs/consistency")
    public ConsistencyProof consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        List<Violation> errors = new ArrayList<>();
        if (from == null || from < 0) {
            errors.add(new Violation("from", "minimum", "from is a tree size, 0 or more"));
        }
        if (to == null || to < 0) {
            errors.add(new Violation("to", "minimum", "to is a tree size, 0 or more"));
        }
        if (errors.isEmpty() && from > to) {
            errors.add(new Violation("from", "range", "from (" + from + ") is larger than to (" + to + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<byte[]> proof = proofs.consistency(from, to);
        byte[][] roots = proofs.roots(from, to);
        return new ConsistencyProof(from, to, Hashes.b64(roots[0]), Hashes.b64(roots[1]), Hashes.b64(proof));
    }
}
