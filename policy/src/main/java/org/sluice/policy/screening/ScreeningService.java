package org.sluice.policy.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sluice.events.Principal;
import org.sluice.events.policy.ScreeningListLoaded;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.partner.PartnerSnapshot;
import org.sluice.policy.store.Jdbc;

/**
 * The denied-party lists in force and the screening of a request against them: the partner's
 * institution (in the partner's country), each end user's name and organisation (in the end user's
 * country). A list is replaced whole, atomically; a malformed file leaves the old one in force.
 */
@ApplicationScoped
public class ScreeningService {

    /** What was screened. */
    public static final String PARTNER = "PARTNER";

    public static final String END_USER = "END_USER";
    public static final String END_USER_ORGANISATION = "END_USER_ORGANISATION";

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ScreeningIndex.Settings settings;
    private final Adjudications adjudications;
    private final Map<String, ScreeningIndex> lists = new ConcurrentHashMap<>();

    public ScreeningService(
            Jdbc jdbc,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock,
            PolicyConfig config,
            Adjudications adjudications) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
        this.adjudications = adjudications;
        PolicyConfig.ScreeningConfig s = config.screening();
        this.settings = new ScreeningIndex.Settings(s.possibleThreshold(), s.typoMinLength(), s.distinctiveMaxNames());
    }

    void start(@Observes StartupEvent event) {
        for (String[] row : jdbc.query("SELECT list_id, content FROM screening_lists", rs ->
                new String[] {rs.getString(1), rs.getString(2)})) {
            lists.put(row[0], new ScreeningIndex(ScreeningCsv.parse(row[0], row[1]), settings));
        }
    }

    /** The result of a load. */
    public record Loaded(String listId, int entries, String digest, String previousDigest) {}

    /**
     * Replaces a list; publishes {@code ScreeningListLoaded}.
     *
     * @throws ScreeningFileException the file is malformed (every row error); the old list stays
     */
    public Loaded load(String listId, String content, Principal by) {
        List<ListEntry> entries = ScreeningCsv.parse(listId, content);
        ScreeningIndex index = new ScreeningIndex(entries, settings);
        String digest = ScreeningCsv.digest(content);
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> previous = jdbc.one(
                    "SELECT digest FROM screening_lists WHERE list_id = ? FOR UPDATE", rs -> rs.getString(1), listId);
            jdbc.update(
                    "INSERT INTO screening_lists (list_id, digest, entries, content, loaded_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (list_id) DO UPDATE SET digest = excluded.digest,"
                            + " entries = excluded.entries, content = excluded.content, loaded_at = excluded.loaded_at",
                    listId,
                    digest,
                    entries.size(),
                    content,
                    clock.instant());
            outbox.add(publisher.event(
                    by, new ScreeningListLoaded(listId, entries.size(), digest, previous.orElse(null))));
            return new Loaded(listId, entries.size(), digest, previous.orElse(null));
        });
        lists.put(listId, index);
        return loaded;
    }

    /** The entry with this id on any list in force. */
    public Optional<ListEntry> entry(String entryId) {
        return lists.values().stream()
                .map(i -> i.entry(entryId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * Screens a request's parties against every list in force, leaving out hits adjudicated "not this party"
     * and counting hits adjudicated "confirmed" as matches.
     */
    public List<ScreeningHit> screen(TransferRequest request, PartnerSnapshot partner) {
        List<ScreeningHit> hits = new ArrayList<>();
        if (lists.isEmpty()) {
            return hits;
        }
        if (partner != null) {
            screenName(partner.institution(), partner.country(), PARTNER, hits);
        }
        for (EndUser u : request.endUsers()) {
            screenName(u.name(), u.country(), END_USER, hits);
            screenName(u.organisation(), u.country(), END_USER_ORGANISATION, hits);
        }
        return hits;
    }

    private void screenName(String name, String country, String role, List<ScreeningHit> hits) {
        for (ScreeningIndex index : lists.values()) {
            for (ScreeningIndex.Hit h : index.screen(name, country)) {
                Optional<String> verdict = adjudications.inForce(h.entry(), name);
                if (verdict.filter(Adjudications.NOT_THIS_PARTY::equals).isPresent()) {
                    continue;
                }
                boolean seen = hits.stream()
                        .anyMatch(x -> x.entryId().equals(h.entry().entryId())
                                && x.screenedName().equals(name));
                if (!seen) {
                    ScreeningHit hit = h.asScreeningHit(name, role);
                    // a reviewer confirmed it is the listed party: a match, whatever the names' resemblance
                    hits.add(verdict.isPresent() ? hit.confirmed() : hit);
                }
            }
        }
    }
}
