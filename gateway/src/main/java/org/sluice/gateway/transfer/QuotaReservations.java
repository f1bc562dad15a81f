package org.sluice.gateway.transfer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.gateway.staging.StagingArea;
import org.sluice.gateway.staging.UploadRecords;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Ends the quota reservations of transfers whose upload did not start in time: a submission holds its
 * declared bytes for {@code sluice.gateway.quota.reservation-timeout}; then the transfer is cancelled, with
 * {@code TransferCancelled} saying why, and its bytes are free again. Runs before every quota check of the
 * institution (so the quota is exact) and with the housekeeping. An upload being written holds the upload
 * lock, and one that has started has a record: neither is ever cancelled here.
 */
@ApplicationScoped
public class QuotaReservations {

    private static final Logger LOG = Logger.getLogger(QuotaReservations.class);
    private static final Principal GATEWAY = Principal.system("gateway");
    private static final int BATCH = 200;

    private final TransferRepository transfers;
    private final UploadRecords uploads;
    private final StagingArea staging;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final QuotaReservationConfig config;
    private final Clock clock;

    public QuotaReservations(
            TransferRepository transfers,
            UploadRecords uploads,
            StagingArea staging,
            Outbox outbox,
            EventPublisher publisher,
            QuotaReservationConfig config,
            Clock clock) {
        this.transfers = transfers;
        this.uploads = uploads;
        this.staging = staging;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${sluice.gateway.packages.housekeeping-interval:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int released = release(null);
        if (released > 0) {
            LOG.infof("cancelled %d transfer(s) whose upload did not start in time", released);
        }
    }

    /**
     * Cancels the lapsed reservations of one institution (null: of all); returns how many.
     */
    public int release(String institutionId) {
        int released = 0;
        List<String> lapsed =
                transfers.lapsedReservations(clock.instant().minus(config.reservationTimeout()), institutionId, BATCH);
        for (String id : lapsed) {
            if (releaseOne(id)) {
                released++;
            }
        }
        return released;
    }

    private boolean releaseOne(String transferId) {
        Optional<UploadRecords.Lock> lock = uploads.tryLock(transferId);
        if (lock.isEmpty()) {
            return false; // a request is writing its upload right now
        }
        try (UploadRecords.Lock held = lock.get()) {
            return QuarkusTransaction.requiringNew().call(() -> {
                TransferRecord t = transfers.lock(transferId).orElse(null);
                if (t == null
                        || t.state() != TransferState.RECEIVED
                        || uploads.find(transferId).isPresent()) {
                    return false;
                }
                Event<TransferCancelled> cancelled = publisher.event(
                        GATEWAY,
                        new TransferCancelled(
                                transferId,
                                t.institutionId(),
                                "the upload did not start within " + config.reservationTimeout()
                                        + " of the submission; its quota reservation lapsed"));
                outbox.add(cancelled);
                transfers.changeState(transferId, TransferState.CANCELLED, clock.instant(), cancelled.id());
                staging.purge(transferId);
                return true;
            });
        }
    }
}
