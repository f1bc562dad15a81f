package org.sluice.policy.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.ReferenceDataChanged;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;
import org.sluice.policy.decision.DecisionAuthority;

/**
 * Records reviewers' verdicts on screening hits (the review queue calls this too) and announces each
 * verdict that takes effect as {@code ReferenceDataChanged} (kind {@code ADJUDICATION}), which re-screens
 * the open transfers. Clearing a hit is a decision: a "not this party" verdict on an entry that holds up
 * an open review case is a signature that takes effect only once the distinct eligible people the case
 * needs (four-eyes with a senior where it needs that) have signed; the submitter and the submitting
 * institution may not sign. CONFIRMED, the conservative verdict, takes effect at once.
 */
@ApplicationScoped
public class AdjudicationService {

    private static final Logger LOG = Logger.getLogger(AdjudicationService.class);

    private final Adjudications adjudications;
    private final ScreeningService screening;
    private final HitGates gates;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;

    public AdjudicationService(
            Adjudications adjudications,
            ScreeningService screening,
            HitGates gates,
            Outbox outbox,
            EventPublisher publisher,
            Clock clock) {
        this.adjudications = adjudications;
        this.screening = screening;
        this.gates = gates;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * What filing a verdict did.
     *
     * @param recorded the verdict in force, when it took effect
     * @param pending the signatures so far, when it waits for more
     */
    public record Filed(Adjudications.Adjudication recorded, Pending pending) {
        /** Whether the verdict is in force. */
        public boolean inForce() {
            return recorded != null;
        }
    }

    /**
     * A "not this party" verdict waiting for more signatures.
     *
     * @param entryId the list entry
     * @param screenedName the name screened
     * @param verdict always {@code NOT_THIS_PARTY}
     * @param status always {@code PENDING}
     * @param signedBy who signed so far, in order
     * @param requiredSigners distinct eligible signers it needs
     * @param seniorRequired whether a senior reviewer must be among them
     * @param gatedReviews the open review cases the hit holds up
     */
    public record Pending(
            String entryId,
            String screenedName,
            String verdict,
            String status,
            List<String> signedBy,
            int requiredSigners,
            boolean seniorRequired,
            List<String> gatedReviews) {}

    /**
     * Files a verdict on an entry as it is now.
     *
     * @return what it did, empty when no list in force has the entry
     * @throws ProblemException 403 separation-of-duties when the signer may not decide a gated transfer,
     *     409 earlier-reviewer when the signer decided an appealed gated transfer before
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Filed> adjudicate(
            String entryId, String screenedName, String verdict, String justification, Principal by) {
        Optional<ListEntry> entry = screening.entry(entryId);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<HitGates.Gate> gated = Adjudications.NOT_THIS_PARTY.equals(verdict) ? gates.gatedBy(entryId) : List.of();
        if (gated.isEmpty()) {
            adjudications.clearSignatures(entryId, screenedName);
            return Optional.of(
                    new Filed(takeEffect(entry.get(), screenedName, verdict, justification, by.id(), by), null));
        }
        DecisionAuthority.Decider me =
                new DecisionAuthority.Decider(by.id(), by.institution(), by.hasRole(Roles.SENIOR_REVIEWER));
        for (HitGates.Gate g : gated) {
            eligibility(g, me).ifPresent(r -> {
                throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
            });
        }
        adjudications.lockKey(entryId, screenedName);
        adjudications.sign(
                entry.get(), screenedName, justification.strip(), me.id(), me.institution(), me.senior(), now);
        // every signature counts only if its signer may decide every gated case
        Map<String, DecisionAuthority.Decider> signers = new LinkedHashMap<>();
        for (Adjudications.Signature s : adjudications.signatures(entry.get(), screenedName)) {
            DecisionAuthority.Decider d = new DecisionAuthority.Decider(s.signedBy(), s.institution(), s.senior());
            if (gated.stream().allMatch(g -> eligibility(g, d).isEmpty())) {
                signers.put(d.id(), d);
            }
        }
        int required =
                gated.stream().mapToInt(g -> g.requirement().approvers()).max().orElse(1);
        boolean senior = gated.stream().anyMatch(g -> g.requirement().senior());
        List<String> reviewIds = gated.stream().map(HitGates.Gate::reviewId).toList();
        boolean enough = signers.size() >= required
                && (!senior || signers.values().stream().anyMatch(DecisionAuthority.Decider::senior));
        if (!enough) {
            LOG.infof(
                    "'not this party' for '%s' against %s signed by %s: pending, cases %s need %d signer(s)%s",
                    screenedName, entryId, signers.keySet(), reviewIds, required, senior ? " with a senior" : "");
            return Optional.of(new Filed(
                    null,
                    new Pending(
                            entryId,
                            screenedName,
                            Adjudications.NOT_THIS_PARTY,
                            "PENDING",
                            List.copyOf(signers.keySet()),
                            required,
                            senior,
                            reviewIds)));
        }
        adjudications.clearSignatures(entryId, screenedName);
        Adjudications.Adjudication recorded = takeEffect(
                entry.get(), screenedName, verdict, justification.strip(), String.join(", ", signers.keySet()), by);
        LOG.infof(
                "'not this party' for '%s' against %s in force, signed by %s (cases %s)",
                screenedName, entryId, signers.keySet(), reviewIds);
        return Optional.of(new Filed(recorded, null));
    }

    private Adjudications.Adjudication takeEffect(
            ListEntry entry,
            String screenedName,
            String verdict,
            String justification,
            String decidedBy,
            Principal by) {
        adjudications.record(entry, screenedName, verdict, justification, decidedBy, clock.instant());
        outbox.add(publisher.event(
                by,
                new ReferenceDataChanged(
                        ReferenceDataChanged.ADJUDICATION,
                        entry.entryId(),
                        ChangeKind.UPDATED,
                        verdict + " for '" + screenedName + "'")));
        return list(entry.entryId()).stream()
                .filter(a -> Adjudications.key(a.screenedName()).equals(Adjudications.key(screenedName)))
                .findFirst()
                .orElseThrow();
    }

    private static Optional<DecisionAuthority.Refusal> eligibility(HitGates.Gate g, DecisionAuthority.Decider d) {
        Optional<DecisionAuthority.Refusal> sod = DecisionAuthority.separationOfDuties(g.parties(), d);
        if (sod.isPresent() || !g.excluded().contains(d.id())) {
            return sod;
        }
        return Optional.of(new DecisionAuthority.Refusal(
                409,
                "earlier-reviewer",
                "Earlier reviewer",
                d.id() + " decided transfer " + g.parties().transferId()
                        + " before; the appeal's screening hit must be adjudicated by someone else"));
    }

    /** Verdicts on an entry (all when null), newest first. */
    public List<Adjudications.Adjudication> list(String entryId) {
        return adjudications.list(
                entryId, id -> screening.entry(id).map(ListEntry::digest).orElse(""));
    }
}
