package org.sluice.gateway.sealing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.sluice.events.Event;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageExpired;
import org.sluice.events.delivery.PackageWithdrawn;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.Ids;
import org.sluice.gateway.staging.StagedPayload;
import org.sluice.gateway.staging.StagingArea;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Ends packages: withdrawn when a later denial overturns the approval before the partner fetched it,
 * expired when the approval's validity ends. Either way the header and the staged payload (the package's
 * body) are purged once the change commits.
 */
@ApplicationScoped
public class PackageRetirement {

    private static final int EXPIRY_BATCH = 100;

    private final PackageRepository packages;
    private final TransferRepository transfers;
    private final StagingArea staging;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final GatewayConfig config;

    public PackageRetirement(
            PackageRepository packages,
            TransferRepository transfers,
            StagingArea staging,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            GatewayConfig config) {
        this.packages = packages;
        this.transfers = transfers;
        this.staging = staging;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.config = config;
    }

    /** Withdraws a sealed, unfetched transfer's package after a denial; the caller holds the transfer's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(TransferRecord transfer, TransferDecided denial, Instant at) {
        PackageRecord p = packages.ofTransfer(transfer.id()).orElseThrow();
        retire(p, PackageStatus.WITHDRAWN);
        Event<PackageWithdrawn> withdrawn = publisher.event(
                SealingService.GATEWAY,
                new PackageWithdrawn(
                        transfer.id(),
                        p.packageId(),
                        p.partnerId(),
                        denial.decisionId(),
                        "a later decision denied the transfer before the package was fetched"));
        outbox.add(withdrawn);
        transfers.changeState(transfer.id(), TransferState.WITHDRAWN, at, withdrawn.id());
    }

    /**
     * Expires every available package whose expiry has passed, and every held approval (approved, never
     * sealed, e.g. for want of a valid partner key) whose validity ended. An unfetched package, or a held
     * approval, expires the transfer ({@code PackageExpired}, state EXPIRED); a fetched package only has its
     * data purged. Returns how many.
     */
    public int expireDue() {
        int expired = 0;
        for (PackageRecord due : packages.dueToExpire(clock.instant(), EXPIRY_BATCH)) {
            QuarkusTransaction.requiringNew().run(() -> expire(due));
            expired++;
        }
        for (String partnerId : transfers.partnersWithState(TransferState.APPROVED)) {
            for (String transferId : transfers.idsInState(partnerId, TransferState.APPROVED)) {
                if (QuarkusTransaction.requiringNew().call(() -> expireHeld(transferId))) {
                    expired++;
                }
            }
        }
        return expired;
    }

    /** When an approval's validity ends: its {@code validUntil}, else the default validity after the decision. */
    Instant validityEnd(TransferDecided approval, Instant decidedAt) {
        return approval.validUntil() != null
                ? approval.validUntil()
                : decidedAt.plus(config.packages().defaultValidity());
    }

    private boolean expireHeld(String transferId) {
        TransferRecord held = transfers.lock(transferId).orElseThrow();
        Instant now = clock.instant();
        if (held.state() != TransferState.APPROVED
                || held.decision() == null
                || !held.decision().outcome().isApproval()
                || packages.ofTransfer(transferId).isPresent()) {
            return false;
        }
        Instant decidedAt = held.decidedAt() != null ? held.decidedAt() : held.updatedAt();
        if (validityEnd(held.decision(), decidedAt).isAfter(now)) {
            return false;
        }
        staging.purge(transferId);
        // no package was ever sealed: the event names a fresh package id that no package carries
        Event<PackageExpired> event =
                publisher.event(SealingService.GATEWAY, new PackageExpired(transferId, Ids.pkg(), held.partnerId()));
        outbox.add(event);
        transfers.changeState(transferId, TransferState.EXPIRED, now, event.id());
        return true;
    }

    private void retire(PackageRecord p, PackageStatus status) {
        packages.retire(p.packageId(), status);
        staging.purge(p.transferId());
        if (!p.bodyObject().equals(StagedPayload.objectKeyOf(p.transferId()))) {
            staging.deleteAfterCommit(p.bodyObject()); // a body of its own, e.g. a CMS package
        }
    }

    private void expire(PackageRecord due) {
        TransferRecord transfer = transfers.lock(due.transferId()).orElseThrow();
        PackageRecord current = packages.find(due.packageId()).orElseThrow();
        if (current.status() != PackageStatus.AVAILABLE) {
            return; // another replica or a withdrawal got there first
        }
        retire(current, PackageStatus.EXPIRED);
        if (transfer.state() == TransferState.SEALED) {
            Event<PackageExpired> event = publisher.event(
                    SealingService.GATEWAY,
                    new PackageExpired(transfer.id(), current.packageId(), current.partnerId()));
            outbox.add(event);
            transfers.changeState(transfer.id(), TransferState.EXPIRED, clock.instant(), event.id());
        }
    }
}
