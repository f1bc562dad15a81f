package org.sluice.policy.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;

/**
 * Consumes {@code sluice.transfer.requested}: decides each request once; a cancelled transfer is no
 * longer re-evaluated and gives back the quota its approval held.
 * Appeals are the review capability's (issue 5).
 */
@ApplicationScoped
public class RequestConsumer {

    private final InboundEvents inbound;
    private final DecisionService decisions;

    public RequestConsumer(InboundEvents inbound, DecisionService decisions) {
        this.inbound = inbound;
        this.decisions = decisions;
    }

    @Incoming(Channels.REQUESTS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-requests", record, event -> {
            if (event.data() instanceof TransferRequested requested) {
                decisions.onRequested(event.id(), requested);
            } else if (event.data() instanceof TransferCancelled cancelled) {
                decisions.onCancelled(cancelled.transferId());
            }
        });
    }
}
