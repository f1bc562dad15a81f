package org.sluice.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.sluice.platform.PlatformConfig;
import org.sluice.platform.messaging.EventPublisher;

/**
 * Publishes what the {@link Outbox} stored, oldest first, and deletes each row only after the broker
 * acknowledged it. A crash between the two publishes the row again on restart: consumers are idempotent
 * on the event id, so that costs nothing. One relay per outbox table works at a time (a PostgreSQL
 * advisory lock keyed by the table's schema: replicas of a service share it, the services of one database
 * do not), which keeps each transfer's events in order across replicas. The {@link Outbox} wakes it as
 * soon as a transaction that added events commits, so a hop costs no poll interval; a relay that finds the
 * lock held by another replica's round tries again {@code sluice.platform.outbox.lock-retry} later, until it
 * has had its round, since that replica may have read the table before this one's events committed. The
 * poll ({@code sluice.platform.outbox.poll-interval}) only finds what a failed round left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** First key of the relay's advisory lock; the second is the hash of the outbox table's schema. */
    static final int LOCK_CLASS = 0x51_75_1C_E0;

    /** What {@link #relayOnce} returns when another relay of the same outbox holds the lock. */
    static final int LOCKED = -1;

    private final DataSource dataSource;
    private final EventPublisher publisher;
    private final PlatformConfig.OutboxConfig config;
    private final Counter published;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(DataSource dataSource, EventPublisher publisher, PlatformConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config.outbox();
        this.published = Counter.builder("sluice.outbox.published")
                .description("events published from the transactional outbox")
                .register(meters);
        meters.gauge("sluice.outbox.backlog", this, OutboxRelay::backlogOrZero);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "sluice-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Asks the relay to look for new events now rather than at its next poll. */
    public void wakeUp() {
        wake.release();
    }

    /** Events stored and not yet acknowledged by the broker. */
    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double backlogOrZero() {
        try {
            return backlog();
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void run() {
        long backoffMillis = config.pollInterval().toMillis();
        while (running) {
            try {
                wake.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int relayed;
                do {
                    relayed = relayOnce();
                } while (running && relayed == config.batchSize()); // a full batch: there may be more right away
                backoffMillis = relayed == LOCKED
                        ? Math.min(
                                config.lockRetry().toMillis(),
                                config.pollInterval().toMillis())
                        : config.pollInterval().toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay round failed, retrying: %s", e.toString());
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    /** Publishes one batch; returns how many events it published, or {@link #LOCKED}. */
    int relayOnce() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!lock(c)) {
                    c.rollback();
                    return LOCKED;
                }
                List<Long> ids = new ArrayList<>();
                List<CompletableFuture<Void>> acks = new ArrayList<>();
                try (PreparedStatement select =
                        c.prepareStatement("SELECT id, topic, record_key, payload FROM outbox ORDER BY id LIMIT ?")) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            acks.add(publisher
                                    .send(rs.getString(2), rs.getString(3), rs.getBytes(4))
                                    .toCompletableFuture());
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                    Array array = c.createArrayOf("bigint", ids.toArray());
                    delete.setArray(1, array);
                    delete.executeUpdate();
                }
                c.commit();
                published.increment(ids.size());
                return ids.size();
            } catch (SQLException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean lock(Connection c) throws SQLException {
        // per schema, not per database: the services sharing one database each have their own relay
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(current_schema()))")) {
            ps.setInt(1, LOCK_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
