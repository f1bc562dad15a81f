package org.sluice.policy.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sluice.events.Principal;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;

/**
 * Records reviewers' verdicts on screening hits (the review queue calls this too) and announces each as
 * {@code ReferenceDataChanged} (kind {@code ADJUDICATION}), which re-screens the open transfers.
 */
@ApplicationScoped
public class AdjudicationService {

    private final Adjudications adjudications;
    private final ScreeningService screening;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;

    public AdjudicationService(
            Adjudications adjudications,
            ScreeningService screening,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock) {
        this.adjudications = adjudications;
        this.screening = screening;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Records a verdict on an entry as it is now.
     *
     * @return the recorded verdict, empty when no list in force has the entry
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Adjudications.Adjudication> adjudicate(
            String entryId, String screenedName, String verdict, String justification, Principal by) {
        Optional<ListEntry> entry = screening.entry(entryId);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        adjudications.record(entry.get(), screenedName, verdict, justification, by.id(), clock.instant());
        outbox.add(publisher.event(
                by,
                new ReferenceDataChanged(
                        ReferenceDataChanged.ADJUDICATION,
                        entryId,
                        ChangeKind.UPDATED,
                        verdict + " for '" + screenedName + "'")));
        return list(entryId).stream()
                .filter(a -> Adjudications.key(a.screenedName()).equals(Adjudications.key(screenedName)))
                .findFirst();
    }

    /** Verdicts on an entry (all when null), newest first. */
    public List<Adjudications.Adjudication> list(String entryId) {
        return adjudications.list(
                entryId, id -> screening.entry(id).map(ListEntry::digest).orElse(""));
    }
}
