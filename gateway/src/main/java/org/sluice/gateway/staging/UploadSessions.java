package org.sluice.gateway.staging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.sluice.gateway.GatewayConfig;

/**
 * The resumable uploads in progress on this replica, by transfer. A session idle longer than the
 * configured timeout is discarded with its pending object; a restart discards them all (clients then
 * resume from offset 0, which the upload status tells them).
 */
@ApplicationScoped
public class UploadSessions {

    private static final Logger LOG = Logger.getLogger(UploadSessions.class);

    private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
    private final PayloadStore store;
    private final GatewayConfig config;
    private final Clock clock;

    public UploadSessions(PayloadStore store, GatewayConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    Optional<UploadSession> find(String transferId) {
        return Optional.ofNullable(sessions.get(transferId));
    }

    void keep(String transferId, UploadSession session) {
        UploadSession previous = sessions.put(transferId, session);
        if (previous != null && previous != session) {
            discard(previous);
        }
    }

    /** Forgets a transfer's session, discarding it unless it was committed. */
    void end(String transferId) {
        UploadSession session = sessions.remove(transferId);
        if (session != null) {
            discard(session);
        }
    }

    /** Plaintext bytes received so far for a transfer (0 without a session). */
    public long received(String transferId) {
        UploadSession session = sessions.get(transferId);
        return session == null ? 0 : session.received();
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void discardIdle() {
        Instant cutoff = clock.instant().minus(config.limits().uploadIdleTimeout());
        sessions.forEach((transferId, session) -> {
            if (session.lastUsed().isBefore(cutoff) && session.lock().tryLock()) {
                try {
                    if (sessions.remove(transferId, session)) {
                        LOG.infof("discarding the idle upload of %s after %d bytes", transferId, session.received());
                        discard(session);
                    }
                } finally {
                    session.lock().unlock();
                }
            }
        });
        try {
            store.discardPending(cutoff);
        } catch (IOException e) {
            LOG.warnf("could not clean abandoned pending objects: %s", e.toString());
        }
    }

    private static void discard(UploadSession session) {
        try {
            session.close();
        } catch (IOException e) {
            LOG.warnf("could not discard an upload: %s", e.toString());
        }
    }
}
