package org.sluice.gateway.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.PackageFetched;
import org.sluice.gateway.Sha256;
import org.sluice.gateway.sealing.PackageRecord;
import org.sluice.gateway.sealing.PackageRepository;
import org.sluice.gateway.sealing.PackageStatus;
import org.sluice.gateway.sealing.PackageView;
import org.sluice.gateway.staging.PayloadStore;
import org.sluice.gateway.transfer.TransferRecord;
import org.sluice.gateway.transfer.TransferRepository;
import org.sluice.gateway.transfer.TransferState;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;

/**
 * Delivers packages to their partner. A partner sees only packages addressed to it: another partner's
 * package answers 404 like one that does not exist, and is reported as {@code PackageAccessDenied}.
 */
@ApplicationScoped
public class DeliveryService {

    private final PackageRepository packages;
    private final TransferRepository transfers;
    private final PayloadStore store;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Counter servedBytes;

    public DeliveryService(
            PackageRepository packages,
            TransferRepository transfers,
            PayloadStore store,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            MeterRegistry meters) {
        this.packages = packages;
        this.transfers = transfers;
        this.store = store;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.servedBytes = meters.counter("sluice.gateway.download.bytes");
    }

    /** The packages addressed to a partner, newest first. */
    public List<PackageView> addressedTo(String partnerId) {
        return packages.addressedTo(partnerId).stream().map(PackageView::of).toList();
    }

    /** A package addressed to the caller; anything else is 404 (and reported when it exists). */
    public PackageRecord addressed(String packageId, Principal partner, String partnerId) {
        PackageRecord p = packages.find(packageId).orElseThrow(() -> ProblemException.notFound("package " + packageId));
        if (!p.partnerId().equals(partnerId)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> outbox.add(publisher.event(
                            partner,
                            new PackageAccessDenied(p.transferId(), p.packageId(), p.partnerId(), partnerId))));
            throw ProblemException.notFound("package " + packageId);
        }
        return p;
    }

    /** A package that can still be downloaded; 410 once expired or withdrawn. */
    public PackageRecord fetchable(String packageId, Principal partner, String partnerId) {
        PackageRecord p = addressed(packageId, partner, partnerId);
        if (p.status() != PackageStatus.AVAILABLE) {
            throw new ProblemException(
                    410,
                    "package-gone",
                    "Package gone",
                    "package " + packageId + " is " + p.status() + " and its data was purged",
                    List.of());
        }
        return p;
    }

    /**
     * The signed manifest of a package addressed to the caller; 410 once withdrawn, as the approval it
     * carries was overturned. An expired package's manifest stays served: it records what was delivered.
     */
    public String manifest(String packageId, Principal partner, String partnerId) {
        PackageRecord p = addressed(packageId, partner, partnerId);
        if (p.status() == PackageStatus.WITHDRAWN) {
            throw new ProblemException(
                    410,
                    "package-gone",
                    "Package gone",
                    "package " + packageId + " was withdrawn by a later decision; its manifest no longer stands",
                    List.of());
        }
        return packages.manifest(p.packageId());
    }

    /**
     * Writes a range of a package, then records what was served (also when the client broke off):
     * {@code PackageFetched}, and state FETCHED once a download reached the package's end.
     */
    public void serve(PackageRecord p, ByteRange range, OutputStream out, Principal partner) throws IOException {
        byte[] header = packages.header(p.packageId());
        PackageStream stream = new PackageStream();
        try {
            stream.write(header, offset -> store.open(p.bodyObject(), p.bodyOffset() + offset), range, out);
            out.flush();
        } finally {
            servedBytes.increment(stream.served());
            recordFetch(p, range.first(), stream.served(), partner);
        }
    }

    private void recordFetch(PackageRecord p, long firstByte, long served, Principal partner) {
        boolean complete = firstByte + served == p.packageBytes();
        QuarkusTransaction.requiringNew().run(() -> {
            Event<PackageFetched> fetched = publisher.event(
                    partner,
                    new PackageFetched(p.transferId(), p.packageId(), p.partnerId(), firstByte, served, complete));
            outbox.add(fetched);
            TransferRecord t = transfers.lock(p.transferId()).orElseThrow();
            if (complete && t.state() == TransferState.SEALED) {
                transfers.changeState(t.id(), TransferState.FETCHED, clock.instant(), fetched.id());
            }
        });
    }

    /**
     * The partner's confirmation with the plaintext digest it computed: {@code PackageAcknowledged}, with
     * whether it matches (compared in constant time); a matching one completes the transfer.
     */
    public AcknowledgementReceipt acknowledge(
            String packageId, String reportedSha256, Principal partner, String partnerId) {
        PackageRecord p = addressed(packageId, partner, partnerId);
        return QuarkusTransaction.requiringNew().call(() -> {
            TransferRecord t = transfers.lock(p.transferId()).orElseThrow();
            if (t.state() != TransferState.FETCHED) {
                throw ProblemException.conflict(
                        t.state() == TransferState.ACKNOWLEDGED ? "already-acknowledged" : "not-fetched",
                        "Acknowledgement not accepted",
                        "transfer " + t.id() + " is " + t.state() + "; a package is acknowledged once after it was"
                                + " fetched in full");
            }
            boolean matches = Sha256.sameHex(p.plaintextSha256(), reportedSha256);
            PackageAcknowledged ack = new PackageAcknowledged(
                    p.transferId(), p.packageId(), p.partnerId(), reportedSha256, p.plaintextSha256(), matches);
            Event<PackageAcknowledged> event = publisher.event(partner, ack);
            outbox.add(event);
            if (matches) {
                transfers.changeState(t.id(), TransferState.ACKNOWLEDGED, clock.instant(), event.id());
            }
            return AcknowledgementReceipt.of(ack);
        });
    }
}
