package org.sluice.audit.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.Map;
import org.sluice.audit.AuditConfig;
import org.sluice.audit.checkpoint.CheckpointStore;
import org.sluice.audit.checkpoint.SignedCheckpoint;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.CurrentPrincipal;
import org.sluice.platform.security.Roles;

/**
 * {@code GET /api/v1/audit/receipts/{eventId}}: an audit receipt. Security analysts may fetch any; a
 * partner only those of delivery events of packages addressed to it (what the gateway puts in its
 * manifests, fetched with the partner's own token); anything else answers 404, so ids do not leak.
 */
@Path("/api/v1/audit/receipts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECURITY_ANALYST, Roles.PARTNER})
public class ReceiptResource {

    private final EntryRepository entries;
    private final CheckpointStore checkpoints;
    private final ProofService proofs;
    private final CurrentPrincipal principal;
    private final String retryAfterSeconds;

    public ReceiptResource(
            EntryRepository entries,
            CheckpointStore checkpoints,
            ProofService proofs,
            CurrentPrincipal principal,
            AuditConfig config) {
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.principal = principal;
        this.retryAfterSeconds = Long.toString(
                Math.max(1, config.checkpoint().receiptRetryAfter().toSeconds()));
    }

    @GET
    @Path("/{eventId}")
    public AuditReceipt receipt(@PathParam("eventId") String eventId) {
        StoredEntry entry = entries.byEventId(eventId)
                .filter(this::mayRead)
                .orElseThrow(() -> ProblemException.notFound("event " + eventId));
        SignedCheckpoint checkpoint = checkpoints
                .latest()
                .filter(c -> c.treeSize() > entry.index())
                .orElseThrow(() -> new ProblemException(
                        409,
                        "receipt-pending",
                        "Receipt pending",
                        "entry " + entry.index() + " is not covered by a signed checkpoint yet; retry shortly",
                        java.util.List.of(),
                        Map.of("Retry-After", retryAfterSeconds)));
        return new AuditReceipt(
                entry.eventId(),
                entry.index(),
                Hashes.b64(entry.leafHash()),
                Base64.getEncoder().encodeToString(entry.entry()),
                checkpoint.treeSize(),
                checkpoint.rootHash(),
                checkpoint.note(),
                Hashes.b64(proofs.inclusion(entry.index(), checkpoint.treeSize())));
    }

    private boolean mayRead(StoredEntry entry) {
        Principal caller = principal.get();
        if (caller.hasRole(Roles.SECURITY_ANALYST)) {
            return true;
        }
        return Topic.TRANSFER_DELIVERY.topicName().equals(entry.topic())
                && entry.partner() != null
                && entry.partner().equals(caller.partner());
    }
}
