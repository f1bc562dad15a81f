package org.sluice.policy.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.events.policy.ScreeningListLoaded;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;

/**
 * Consumes this service's own {@code sluice.policy.changes}: a licence, agreement, emergency,
 * adjudication or screening list that changed re-decides the open transfers. Going through the topic
 * makes the re-evaluation as durable as the change: it happens once, after the change committed, even
 * across a crash.
 */
@ApplicationScoped
public class PolicyChangesConsumer {

    private final InboundEvents inbound;
    private final Reevaluation reevaluation;

    public PolicyChangesConsumer(InboundEvents inbound, Reevaluation reevaluation) {
        this.inbound = inbound;
        this.reevaluation = reevaluation;
    }

    @Incoming(Channels.CHANGES)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-changes", record, event -> {
            if (event.data() instanceof LicenceChanged
                    || event.data() instanceof ReferenceDataChanged
                    || event.data() instanceof ScreeningListLoaded) {
                reevaluation.ofAll(event.id(), event.actor());
            }
        });
    }
}
