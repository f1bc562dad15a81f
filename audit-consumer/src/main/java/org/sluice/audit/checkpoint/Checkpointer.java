package org.sluice.audit.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Signs checkpoints that follow the log: each committed append wakes it, and it signs the tree at once
 * when it signed nothing within the last {@code sluice.audit.checkpoint.batch-window} (a quiet log), else
 * one window after its last round began, so the appends of a busy window share one checkpoint and at most
 * one is signed per window; after {@code max-entries} new entries it signs at once, on the appending thread. A slow safety timer
 * ({@code sluice.audit.checkpoint.interval}) signs whatever no wake-up covered (a failed round, entries
 * appended while another replica held the lock). Before signing, it proves the new tree consistent with
 * the last checkpoint from the stored nodes and checks that proof: a stored tree that was rewritten under
 * an earlier checkpoint is refused, never signed over. The checkpoint is stored and published on
 * {@code sluice.audit.checkpoints} through the outbox, in one transaction; one replica signs at a time (an
 * advisory lock), and a replica that finds the lock taken tries again one window later.
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
    private final Duration batchWindow;
    private final CheckpointWatch watch;
    private volatile long lastSize = -1;
    private ScheduledExecutorService executor;
    private volatile LogFollower follower;

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
            MeterRegistry meters,
            CheckpointWatch watch) {
        this.watch = watch;
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
        this.batchWindow = config.checkpoint().batchWindow();
        this.signed = Counter.builder("sluice.audit.checkpoints.signed")
                .description("checkpoints signed")
                .register(meters);
        this.refused = Counter.builder("sluice.audit.checkpoints.refused")
                .description("checkpoints not signed because the stored tree is not consistent with the last one")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-audit-checkpointer");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService signing = executor;
        follower = new LogFollower(
                (task, delayNanos) -> signing.schedule(task, delayNanos, TimeUnit.NANOSECONDS),
                System::nanoTime,
                batchWindow,
                this::followRound);
    }

    void stop(@Observes ShutdownEvent event) {
        follower = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The safety timer: signs what no wake-up covered. */
    @Scheduled(
            every = "${sluice.audit.checkpoint.interval}",
            delayed = "${sluice.audit.checkpoint.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checkpoint failed; retrying at the next append or safety interval");
        }
    }

    /**
     * An append committed and the tree now has {@code treeSize} entries: signs at once when that is at least
     * {@code max-entries} more than the last checkpoint, otherwise within the batch window.
     */
    public void afterAppend(long treeSize) {
        long last = lastSize;
        if (last >= 0 && treeSize == last) {
            return; // nothing new (a batch of redeliveries)
        }
        LogFollower following = follower;
        if ((last >= 0 && treeSize - last >= maxEntries) || following == null) {
            tick();
        } else {
            following.signal();
        }
    }

    private LogFollower.Outcome followRound() {
        try {
            return round().outcome();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checkpoint failed; retrying at the next append or safety interval");
            return LogFollower.Outcome.DONE;
        }
    }

    /** Signs a checkpoint of the current tree if it grew since the last one. */
    public Optional<SignedCheckpoint> checkpoint() {
        return round().signed();
    }

    /** What one signing round found: a new checkpoint, nothing new, or the lock held by another signer. */
    private record Round(Optional<SignedCheckpoint> signed, boolean locked) {
        LogFollower.Outcome outcome() {
            return locked ? LogFollower.Outcome.BUSY : LogFollower.Outcome.DONE;
        }
    }

    private synchronized Round round() {
        Round result = QuarkusTransaction.requiringNew().call(() -> {
            if (!lock()) {
                return new Round(Optional.empty(), true);
            }
            Head head = log.head();
            Optional<SignedCheckpoint> last = store.latest();
            long previousSize = last.map(SignedCheckpoint::treeSize).orElse(0L);
            lastSize = previousSize;
            if (head.size() == previousSize) {
                return new Round(Optional.empty(), false);
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
            return new Round(Optional.of(stored), false);
        });
        result.signed().ifPresent(c -> {
            lastSize = c.treeSize();
            signed.increment();
            watch.signed();
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
