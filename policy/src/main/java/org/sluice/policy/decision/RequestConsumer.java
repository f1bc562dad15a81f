package org.sluice.policy.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;
import org.sluice.policy.review.ReviewService;

/**
 * Consumes {@code sluice.transfer.requested}: decides each request once; a cancelled transfer is no
 * longer re-evaluated and gives back the quota its approval held; an appeal of a denial opens an appeal
 * case in the review queue.
 */
@ApplicationScoped
public class RequestConsumer {

    private final InboundEvents inbound;
    private final DecisionService decisions;
    private final ReviewService appeals;

    public RequestConsumer(InboundEvents inbound, DecisionService decisions, ReviewService appeals) {
        this.inbound = inbound;
        this.decisions = decisions;
        this.appeals = appeals;
    }

    @Incoming(Channels.REQUESTS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-requests", record, event -> {
            if (event.data() instanceof TransferRequested requested) {
                decisions.onRequested(event.id(), requested, event.actor().id());
            } else if (event.data() instanceof TransferCancelled cancelled) {
                decisions.onCancelled(cancelled.transferId());
            } else if (event.data() instanceof AppealFiled appeal) {
                appeals.onAppeal(event.id(), appeal, event.actor());
            }
        });
    }
}
