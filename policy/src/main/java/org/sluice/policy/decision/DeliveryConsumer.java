package org.sluice.policy.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.delivery.PackageAcknowledged;
import org.sluice.events.delivery.PackageFetched;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;
import org.sluice.policy.world.ReferenceData;

/**
 * Consumes {@code sluice.transfer.delivery}: a fetched transfer is no longer re-evaluated; an
 * acknowledged one counts as a completed transfer of its institution to its partner (once).
 */
@ApplicationScoped
public class DeliveryConsumer {

    private final InboundEvents inbound;
    private final Transfers transfers;
    private final ReferenceData reference;

    public DeliveryConsumer(InboundEvents inbound, Transfers transfers, ReferenceData reference) {
        this.inbound = inbound;
        this.transfers = transfers;
        this.reference = reference;
    }

    @Incoming(Channels.DELIVERY)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-delivery", record, event -> {
            if (event.data() instanceof PackageFetched fetched) {
                transfers.markFetched(fetched.transferId());
            } else if (event.data() instanceof PackageAcknowledged ack) {
                transfers.find(ack.transferId()).ifPresent(t -> {
                    if (transfers.markAcknowledged(t.transferId())) {
                        reference.countCompletedTransfer(t.institutionId(), t.partnerId());
                    }
                });
            }
        });
    }
}
