package org.sluice.gateway.sealing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;

/**
 * Periodically expires packages and held approvals whose validity ran out, seals held approvals whose
 * partner key became valid, and seals approvals for CMS partners (whose packages are re-encrypted whole, off the consumer).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final PackageRetirement retirement;
    private final SealingService sealing;
    private final CmsSealing cms;
    private final TransferRepository transfers;

    public Housekeeping(
            PackageRetirement retirement, SealingService sealing, CmsSealing cms, TransferRepository transfers) {
        this.retirement = retirement;
        this.sealing = sealing;
        this.cms = cms;
        this.transfers = transfers;
    }

    @Scheduled(
            every = "${sluice.gateway.packages.housekeeping-interval:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = retirement.expireDue();
        if (expired > 0) {
            LOG.infof("expired %d package(s)", expired);
        }
        for (String partnerId : transfers.partnersWithState(TransferState.APPROVED)) {
            QuarkusTransaction.requiringNew().run(() -> sealing.releaseHeld(partnerId));
        }
        cms.sealPending();
    }
}
