package org.sluice.audit.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sluice.audit.AuditConfig;
import org.sluice.audit.checkpoint.CheckpointStore;
import org.sluice.audit.checkpoint.CheckpointWatch;
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

    /** How often a held request looks again without a signal (a checkpoint another replica signed). */
    private static final Duration RECHECK = Duration.ofMillis(100);

    private final EntryRepository entries;
    private final CheckpointStore checkpoints;
    private final ProofService proofs;
    private final CurrentPrincipal principal;
    private final String retryAfterSeconds;
    private final Duration maxWait;
    private final CheckpointWatch watch;

    public ReceiptResource(
            EntryRepository entries,
            CheckpointStore checkpoints,
            ProofService proofs,
            CurrentPrincipal principal,
            AuditConfig config,
            CheckpointWatch watch) {
        this.watch = watch;
        this.maxWait = config.checkpoint().receiptMaxWait();
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.principal = principal;
        this.retryAfterSeconds = Long.toString(
                Math.max(1, config.checkpoint().receiptRetryAfter().toSeconds()));
    }

    /**
     * The receipt of an event. With {@code wait} (an ISO-8601 duration up to
     * {@code sluice.audit.checkpoint.receipt-max-wait}), a request whose entry is not in the log yet or not
     * covered by a signed checkpoint is held until it is, or until the wait is over (then answered as
     * without it): the gateway asks this way as soon as it has an approval, so the receipt reaches it the
     * moment the checkpoint is signed.
     */
    @GET
    @Path("/{eventId}")
    public AuditReceipt receipt(@PathParam("eventId") String eventId, @QueryParam("wait") String wait)
            throws InterruptedException {
        Duration held = held(wait);
        long deadline = System.nanoTime() + held.toNanos();
        while (true) {
            // taken before looking, so a checkpoint signed while this looks is not missed
            CompletableFuture<Void> signed = watch.next();
            Optional<StoredEntry> entry = entries.byEventId(eventId).filter(this::mayRead);
            Optional<SignedCheckpoint> checkpoint =
                    entry.flatMap(e -> checkpoints.latest().filter(c -> c.treeSize() > e.index()));
            long left = deadline - System.nanoTime();
            if (checkpoint.isPresent()) {
                return receipt(entry.get(), checkpoint.get());
            }
            if (left <= 0) {
                throw entry.map(this::pending).orElseGet(() -> ProblemException.notFound("event " + eventId));
            }
            // another replica's checkpoint is seen at the next look
            watch.await(signed, Duration.ofNanos(Math.min(left, RECHECK.toNanos())));
        }
    }

    private Duration held(String wait) {
        if (wait == null) {
            return Duration.ZERO;
        }
        Duration held;
        try {
            held = Duration.parse(wait);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("wait", "format", "an ISO-8601 duration is expected, e.g. PT5S");
        }
        if (held.isNegative() || held.compareTo(maxWait) > 0) {
            throw ProblemException.invalidField(
                    "wait", "maximum", "between PT0S and " + maxWait + " (sluice.audit.checkpoint.receipt-max-wait)");
        }
        return held;
    }

    private ProblemException pending(StoredEntry entry) {
        return new ProblemException(
                409,
                "receipt-pending",
                "Receipt pending",
                "entry " + entry.index() + " is not covered by a signed checkpoint yet; retry shortly",
                List.of(),
                Map.of("Retry-After", retryAfterSeconds));
    }

    private AuditReceipt receipt(StoredEntry entry, SignedCheckpoint checkpoint) {
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
