package org.sluice.policy.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;

/**
 * Consumes {@code sluice.transfer.requested}: decides each request once, remembers cancellations.
 * Appeals are the review capability's (issue 5).
 */
@ApplicationScoped
public class RequestConsumer {

    private final InboundEvents inbound;
    private final DecisionService decisions;
    private final Transfers transfers;

    public RequestConsumer(InboundEvents inbound, DecisionService decisions, Transfers transfers) {
        this.inbound = inbound;
        this.decisions = decisions;
        this.transfers = transfers;
    }

    @Incoming(Channels.REQUESTS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-requests", record, event -> {
            if (event.data() instanceof TransferRequested requested) {
                decisions.onRequested(event.id(), requested);
            } else if (event.data() instanceof TransferCancelled cancelled) {
                transfers.markCancelled(cancelled.transferId());
            }
        });
    }
}
