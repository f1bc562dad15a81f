package org.sluice.gateway.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sluice.events.Principal;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Keeps the partner registry; every change publishes the partner's full state as {@code PartnerUpdated}
 * and, in the same transaction, seals what was held for the partner if it now has a valid key.
 */
@ApplicationScoped
public class PartnerRegistry {

    /**
     * The outcome of an upsert.
     *
     * @param entry the partner's entry now
     * @param created whether the partner was new
     * @param changed whether anything changed (and so was published)
     */
    public record Upserted(PartnerEntry entry, boolean created, boolean changed) {}

    private final PartnerRepository partners;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Event<PartnerChanged> changes;

    public PartnerRegistry(
            PartnerRepository partners,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            Event<PartnerChanged> changes) {
        this.partners = partners;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.changes = changes;
    }

    /** Registers or replaces a partner's entry; unchanged entries publish nothing. */
    @Transactional
    public Upserted upsert(String partnerId, PartnerRegistration registration, Principal actor) {
        PartnerEntry entry = registration.toEntry(partnerId);
        partners.lock(partnerId);
        Optional<PartnerEntry> previous = partners.find(partnerId);
        if (previous.isPresent() && previous.get().equals(entry)) {
            return new Upserted(entry, false, false);
        }
        partners.save(entry, clock.instant());
        outbox.add(publisher.event(actor, entry.toEvent()));
        changes.fire(new PartnerChanged(partnerId));
        return new Upserted(entry, previous.isEmpty(), true);
    }

    /** A partner's entry. */
    public Optional<PartnerEntry> find(String partnerId) {
        return partners.find(partnerId);
    }

    /** Every partner. */
    public List<PartnerEntry> list() {
        return partners.list();
    }
}
