package org.sluice.gateway.review;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewOpened;
import org.sluice.gateway.Channels;
import org.sluice.platform.messaging.InboundEvents;

/**
 * Feeds policy's review cases into the status projection, once each, dead-lettering poison. Claims,
 * releases and votes are reviewers' business and change nothing the submitter sees.
 */
@ApplicationScoped
public class ReviewConsumer {

    private static final String CONSUMER = "gateway-reviews";

    private final InboundEvents inbound;
    private final ReviewProjector projector;

    public ReviewConsumer(InboundEvents inbound, ReviewProjector projector) {
        this.inbound = inbound;
        this.projector = projector;
    }

    @Incoming(Channels.REVIEWS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle(CONSUMER, record, event -> {
            if (event.data() instanceof ReviewOpened opened) {
                projector.opened(opened, event.id(), event.time());
            } else if (event.data() instanceof ReviewEscalated escalated) {
                projector.escalated(escalated);
            }
        });
    }
}
