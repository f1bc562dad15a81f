package org.sluice.audit.checkpoint;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;

/** The log's signed checkpoints and its public key. */
@Path("/api/v1/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECURITY_ANALYST)
public class CheckpointResource {

    private static final int PAGE = 100;

    private final CheckpointStore store;
    private final CheckpointSigner signer;

    public CheckpointResource(CheckpointStore store, CheckpointSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    @GET
    @Path("/latest")
    @RolesAllowed({Roles.SECURITY_ANALYST, Roles.PARTNER})
    public SignedCheckpoint latest() {
        return store.latest().orElseThrow(() -> ProblemException.notFound("a checkpoint"));
    }

    /** Checkpoints from a tree size on, oldest first, at most 100 per call. */
    @GET
    public List<SignedCheckpoint> from(@QueryParam("fromSize") long fromSize) {
        if (fromSize < 0) {
            throw ProblemException.invalidField("fromSize", "minimum", "fromSize is 0 or more");
        }
        return store.from(fromSize, PAGE);
    }

    @GET
    @Path("/{treeSize}")
    public SignedCheckpoint at(@PathParam("treeSize") long treeSize) {
        return store.at(treeSize).orElseThrow(() -> ProblemException.notFound("a checkpoint of size " + treeSize));
    }

    /** The log's Ed25519 public key (PEM), to verify notes with. */
    @GET
    @Path("/key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Roles.SECURITY_ANALYST, Roles.PARTNER})
    public String key() {
        return signer.publicKeyPem();
    }
}
