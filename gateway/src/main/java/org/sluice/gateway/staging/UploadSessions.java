package org.sluice.gateway.staging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.sluice.gateway.GatewayConfig;
import org.sluice.platform.problem.ProblemException;

/**
 * The chunked uploads in progress. Each is recorded in the database ({@link UploadRecords}) with the
 * plaintext bytes durably in its pending object, so any replica, and this one after a restart, can
 * continue it; a replica keeps the sessions it wrote last in memory so that consecutive chunks do not
 * re-read anything. One request at a time writes an upload, whichever replica it reaches ({@link Lease}).
 * An upload idle longer than the configured timeout is discarded with its pending object.
 */
@ApplicationScoped
public class UploadSessions {

    private static final Logger LOG = Logger.getLogger(UploadSessions.class);

    /** How long a request waits for the one before it to end (a client retrying a broken-off chunk at once). */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(2);

    private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
    private final UploadRecords records;
    private final PayloadStore store;
    private final StagingKey key;
    private final GatewayConfig config;
    private final Clock clock;

    public UploadSessions(
            UploadRecords records, PayloadStore store, StagingKey key, GatewayConfig config, Clock clock) {
        this.records = records;
        this.store = store;
        this.key = key;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes the right to write a transfer's upload, waiting a moment for a request that is ending.
     *
     * @throws ProblemException 409 {@code upload-in-progress} while another request writes it
     */
    Lease lease(String transferId) {
        return records.tryLock(transferId, LEASE_WAIT)
                .map(lock -> new Lease(transferId, lock))
                .orElseThrow(() -> ProblemException.conflict(
                        "upload-in-progress",
                        "Upload in progress",
                        "another request is writing this payload right now"));
    }

    private Optional<Lease> tryLease(String transferId) {
        return records.tryLock(transferId).map(lock -> new Lease(transferId, lock));
    }

    /**
     * Plaintext bytes received so far for a transfer: what this replica's current session holds, else
     * what is durable in the store (rebuilding a session to continue from, when no request is writing).
     */
    public long received(String transferId) {
        Optional<Lease> lease = tryLease(transferId);
        if (lease.isEmpty()) { // a request is writing it: this replica's session sees it live, others what is durable
            Optional<UploadRecords.UploadRecord> record = records.find(transferId);
            UploadSession writing = sessions.get(transferId);
            if (writing != null && record.isPresent() && record.get().writer().equals(writing.writer())) {
                return writing.received();
            }
            return record.map(UploadRecords.UploadRecord::receivedBytes).orElse(0L);
        }
        try (Lease held = lease.get()) {
            return held.current().map(UploadSession::received).orElse(0L);
        }
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void discardIdle() {
        Instant cutoff = clock.instant().minus(config.limits().uploadIdleTimeout());
        for (UploadRecords.UploadRecord idle : records.idleSince(cutoff)) {
            Optional<Lease> lease = tryLease(idle.transferId());
            if (lease.isEmpty()) {
                continue; // a request is writing it right now
            }
            try (Lease held = lease.get()) {
                Optional<UploadRecords.UploadRecord> current = records.find(idle.transferId());
                if (current.isPresent() && current.get().updatedAt().isBefore(cutoff)) {
                    LOG.infof(
                            "discarding the idle upload of %s after %d bytes",
                            idle.transferId(), current.get().receivedBytes());
                    held.discard();
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not discard the idle upload of %s: %s", idle.transferId(), e.toString());
            }
        }
        try {
            store.discardPending(cutoff, records::inUse);
        } catch (IOException e) {
            LOG.warnf("could not clean abandoned pending objects: %s", e.toString());
        }
    }

    /**
     * The right to write one transfer's upload, held by one request at a time across replicas; closing it
     * releases it (a killed replica's lease ends with its database connection).
     */
    final class Lease implements AutoCloseable {
        private final String transferId;
        private final UploadRecords.Lock lock;
        private UploadSession session;
        private boolean resolved;

        private Lease(String transferId, UploadRecords.Lock lock) {
            this.transferId = transferId;
            this.lock = lock;
        }

        /**
         * The upload in progress, if any: this replica's session when it wrote last, else one rebuilt from
         * the pending object (an upload whose pending object is gone or damaged is forgotten: it starts again).
         */
        Optional<UploadSession> current() {
            if (resolved) {
                return Optional.ofNullable(session);
            }
            resolved = true;
            Optional<UploadRecords.UploadRecord> record = records.find(transferId);
            UploadSession cached = sessions.get(transferId);
            if (cached != null) {
                if (record.isPresent()
                        && record.get().writer().equals(cached.writer())
                        && record.get().receivedBytes() == cached.durable()) {
                    session = cached;
                    return Optional.of(session);
                }
                sessions.remove(transferId, cached);
                quietly(cached::detach); // another replica continued it since, or it was discarded
            }
            if (record.isEmpty()) {
                return Optional.empty();
            }
            UploadRecords.UploadRecord r = record.get();
            try {
                session = UploadSession.rebuild(
                        store,
                        StagedPayload.objectKeyOf(transferId),
                        key,
                        r.pendingRef(),
                        r.headerBytes(),
                        r.receivedBytes(),
                        clock.instant());
            } catch (NoSuchFileException e) {
                LOG.warnf("the pending object of %s is gone; its upload starts again", transferId);
                records.delete(transferId);
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                LOG.errorf(
                        "cannot continue the upload of %s from %d bytes, discarding it: %s",
                        transferId, r.receivedBytes(), e.toString());
                records.delete(transferId);
                quietly(() -> store.deletePending(r.pendingRef()));
                return Optional.empty();
            }
            // nothing changed, but this session is now the writer: a session cached elsewhere is stale
            records.progressed(transferId, session.durable(), session.writer(), clock.instant());
            sessions.put(transferId, session);
            return Optional.of(session);
        }

        /** Starts the upload afresh, discarding any earlier one, and records it. */
        UploadSession start() throws IOException {
            discard();
            Instant now = clock.instant();
            UploadSession fresh = UploadSession.open(store, StagedPayload.objectKeyOf(transferId), key, now);
            try {
                records.start(new UploadRecords.UploadRecord(
                        transferId, fresh.ref(), fresh.headerBytes(), 0, fresh.writer(), now, now));
            } catch (RuntimeException e) {
                quietly(fresh::close);
                throw e;
            }
            session = fresh;
            resolved = true;
            sessions.put(transferId, fresh);
            return fresh;
        }

        /** Makes what the session wrote durable, then records it: the record never claims bytes the store lacks. */
        void checkpoint() {
            try {
                long durable = session.checkpoint();
                records.progressed(transferId, durable, session.writer(), clock.instant());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the upload of " + transferId + " durable", e);
            }
        }

        /** Discards the upload in progress, if any: its record, its session and its pending object. */
        void discard() {
            Optional<UploadRecords.UploadRecord> record = records.find(transferId);
            records.delete(transferId);
            UploadSession cached = sessions.remove(transferId);
            if (cached != null) {
                quietly(cached::close);
            }
            if (session != null && session != cached) {
                quietly(session::close);
            }
            record.ifPresent(r -> quietly(() -> store.deletePending(r.pendingRef())));
            session = null;
            resolved = true;
        }

        /** Forgets the session after its object was committed (the record went in the same transaction). */
        void finished() {
            sessions.remove(transferId);
            if (session != null) {
                quietly(session::close);
            }
            session = null;
        }

        @Override
        public void close() {
            lock.close();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            LOG.warnf("could not clean up an upload: %s", e.toString());
        }
    }
}
