package org.sluice.policy.partner;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.platform.messaging.InboundEvents;
import org.sluice.policy.Channels;
import org.sluice.policy.decision.Reevaluation;

/**
 * Consumes {@code sluice.partners} into the partner read model. A change that can change decisions
 * (status, country, key validity, profit status, adequacy scope) re-decides the partner's open transfers.
 */
@ApplicationScoped
public class PartnerConsumer {

    private final InboundEvents inbound;
    private final PartnerRepository partners;
    private final Reevaluation reevaluation;

    public PartnerConsumer(InboundEvents inbound, PartnerRepository partners, Reevaluation reevaluation) {
        this.inbound = inbound;
        this.partners = partners;
        this.reevaluation = reevaluation;
    }

    @Incoming(Channels.PARTNERS)
    @Blocking
    public void onRecord(byte[] record) {
        inbound.handle("policy-partners", record, event -> {
            if (event.data() instanceof PartnerUpdated updated) {
                Optional<PartnerSnapshot> before = partners.upsert(updated);
                PartnerSnapshot after = partners.find(updated.partnerId()).orElseThrow();
                if (before.isPresent() && !before.get().equals(after)) {
                    reevaluation.ofPartner(updated.partnerId(), event.id(), event.actor());
                }
            }
        });
    }
}
