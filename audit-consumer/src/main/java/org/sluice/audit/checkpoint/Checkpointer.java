package org.sluice.audit.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.sluice.audit.AuditConfig;
import org.sluice.audit.log.Head;
import org.sluice.audit.log.LogStore;
import org.sluice.audit.log.NodeStore;
import org.sluice.events.Principal;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.merkle.ConsistencyProofException;
import org.sluice.transparency.merkle.ConsistencyProofVerifier;
import org.sluice.transparency.merkle.ProofBuilder;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Signs a checkpoint of the current tree every {@code sluice.audit.checkpoint.interval} while entries
 * arrive, and at once after {@code max-entries} new entries. Before signing, it proves the new tree
 * consistent with the last checkpoint from the stored nodes and checks that proof: a stored tree that
 * was rewritten under an earlier checkpoint is refused, never signed over. The checkpoint is stored
 * and published on {@code sluice.audit.checkpoints} through the outbox, in one transaction; one
 * replica signs at a time (an advisory lock).
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final long LOCK_KEY = 0x5A_0D_17_C4_EC_C0L;
    private static final Principal ACTOR = Principal.system("audit");

    private final DataSource dataSource;
    private final LogStore log;
    private final NodeStore nodes;
    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String origin;
    private final long maxEntries;
    private final Counter signed;
    private final Counter refused;
    private volatile long lastSize = -1;

    public Checkpointer(
            DataSource dataSource,
            LogStore log,
            NodeStore nodes,
            CheckpointStore store,
            CheckpointSigner signer,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            AuditConfig config,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.log = log;
        this.nodes = nodes;
        this.store = store;
        this.signer = signer;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.origin = config.origin();
        this.maxEntries = config.checkpoint().maxEntries();
        this.signed = Counter.builder("sluice.audit.checkpoints.signed")
                .description("checkpoints signed")
                .register(meters);
        this.refused = Counter.builder("sluice.audit.checkpoints.refused")
                .description("checkpoints not signed because the stored tree is not consistent with the last one")
                .register(meters);
    }

    @Scheduled(
            every = "${sluice.audit.checkpoint.interval}",
            delayed = "${sluice.audit.checkpoint.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checkpoint failed; retrying at the next interval");
        }
    }

    /** Signs at once when the tree grew by at least {@code max-entries} since the last checkpoint. */
    public void afterAppend(long treeSize) {
        if (lastSize < 0 || treeSize - lastSize >= maxEntries) {
            tick();
        }
    }

    /** Signs a checkpoint of the current tree if it grew since the last one. */
    public synchronized Optional<SignedCheckpoint> checkpoint() {
        Optional<SignedCheckpoint> result = QuarkusTransaction.requiringNew().call(() -> {
            if (!lock()) {
                return Optional.<SignedCheckpoint>empty();
            }
            Head head = log.head();
            Optional<SignedCheckpoint> last = store.latest();
            long previousSize = last.map(SignedCheckpoint::treeSize).orElse(0L);
            lastSize = previousSize;
            if (head.size() == previousSize) {
                return Optional.<SignedCheckpoint>empty();
            }
            byte[] previousRoot =
                    last.map(c -> Base64.getDecoder().decode(c.rootHash())).orElse(Rfc9162.emptyRoot());
            ProofBuilder builder =
                    new ProofBuilder(nodes.fetch(ProofBuilder.nodesForConsistency(previousSize, head.size())));
            List<byte[]> proof = builder.consistency(previousSize, head.size());
            try {
                ConsistencyProofVerifier.verify(previousSize, head.size(), proof, previousRoot, head.root());
            } catch (ConsistencyProofException e) {
                refused.increment();
                throw new IllegalStateException("the stored tree of size " + head.size()
                        + " is not consistent with the checkpoint of size " + previousSize + ": " + e.getMessage());
            }
            Checkpoint checkpoint = new Checkpoint(origin, head.size(), head.root(), clock.instant());
            String note = signer.sign(checkpoint);
            SignedCheckpoint stored = new SignedCheckpoint(
                    origin,
                    head.size(),
                    checkpoint.rootBase64(),
                    checkpoint.time(),
                    signer.keyId(),
                    note,
                    previousSize,
                    proof.stream().map(Base64.getEncoder()::encodeToString).toList());
            store.insert(stored, head.root(), proof);
            String eventId = UUID.nameUUIDFromBytes((origin + "/" + head.size()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            outbox.add(publisher.event(
                    eventId,
                    ACTOR,
                    new CheckpointSigned(
                            origin,
                            head.size(),
                            checkpoint.rootBase64(),
                            checkpoint.time(),
                            signer.keyId(),
                            note,
                            previousSize)));
            return Optional.of(stored);
        });
        result.ifPresent(c -> {
            lastSize = c.treeSize();
            signed.increment();
        });
        return result;
    }

    private boolean lock() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
