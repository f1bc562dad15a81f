package org.sluice.gateway.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.Channels;
import org.sluice.platform.messaging.InboundEvents;

/** Feeds policy's decisions into the status projection, once each, dead-lettering poison. */
@ApplicationScoped
public class DecisionConsumer {

    private static final String CONSUMER = "gateway-decisions";

    private final InboundEvents inbound;
    private final DecisionProjector projector;

    public DecisionConsumer(InboundEvents inbound, DecisionProjector projector) {
        this.inbound = inbound;
        this.projector = projector;
    }

    @Incoming(Channels.DECISIONS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle(CONSUMER, record, event -> {
            if (event.data() instanceof TransferDecided decided) {
                projector.apply(decided, event.id(), event.time());
            }
        });
    }
}
