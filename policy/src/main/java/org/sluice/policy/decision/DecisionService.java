package org.sluice.policy.decision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.ReasonCodes;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.engine.EngineResult;
import org.sluice.policy.licence.QuotaLedger;
import org.sluice.policy.licence.Verifications;

/**
 * Decides transfers: gathers the inputs (locking the cited licences), evaluates the active bundle,
 * consumes or gives back licence quota, stores the decision with its inputs and publishes
 * {@code TransferDecided} through the outbox - all in the caller's transaction. Decision ids are derived
 * from what caused them, so a redelivered cause yields the same decision, never a second one.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);
    private static final Principal ENGINE = Principal.system("policy");

    private final BundleService bundles;
    private final InputsAssembler assembler;
    private final Transfers transfers;
    private final Decisions decisions;
    private final QuotaLedger quota;
    private final Verifications verifications;
    private final ReviewQueue reviews;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final PolicyConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer evaluation;

    public DecisionService(
            BundleService bundles,
            InputsAssembler assembler,
            Transfers transfers,
            Decisions decisions,
            QuotaLedger quota,
            Verifications verifications,
            ReviewQueue reviews,
            Outbox outbox,
            EventPublisher publisher,
            PolicyConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.bundles = bundles;
        this.assembler = assembler;
        this.transfers = transfers;
        this.decisions = decisions;
        this.quota = quota;
        this.verifications = verifications;
        this.reviews = reviews;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.evaluation = Timer.builder("sluice.policy.evaluation")
                .description("time to gather inputs and evaluate the bundle for one decision")
                .register(meters);
    }

    /**
     * Decides a new request once. A transfer already known (a redelivery under another event id) is not
     * decided again.
     *
     * @return the decision, empty when the transfer was known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TransferDecided> onRequested(String eventId, TransferRequested requested) {
        if (!transfers.insert(
                requested.transferId(), requested.institutionId(), requested.request(), eventId, clock.instant())) {
            LOG.infof(
                    "transfer %s is known already; request event %s not decided again",
                    requested.transferId(), eventId);
            return Optional.empty();
        }
        Transfers.Transfer t = transfers.lock(requested.transferId()).orElseThrow();
        return Optional.of(decide(t, derivedId("decision", eventId), DecisionSource.ENGINE, null, ENGINE));
    }

    /** A cancelled transfer: never decided again, its quota given back, its verifications withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCancelled(String transferId) {
        if (transfers.lock(transferId).isPresent()) {
            transfers.markCancelled(transferId);
            quota.held(transferId).keySet().forEach(licenceId -> quota.release(transferId, licenceId));
            verifications.withdrawOpen(transferId);
        }
    }

    /**
     * Decides an open transfer again because an input changed; publishes only when the outcome or the
     * reasons change.
     *
     * @param trigger what changed (a licence, partner, list digest), part of the decision id
     * @return the new decision, empty when nothing changed or the transfer is no longer open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TransferDecided> reevaluate(String transferId, String trigger, Principal actor) {
        Optional<Transfers.Transfer> t = transfers.lock(transferId);
        if (t.isEmpty() || !t.get().open() || t.get().latestDecision() == null) {
            return Optional.empty();
        }
        TransferDecided previous =
                decisions.find(t.get().latestDecision()).orElseThrow().decision();
        Map<String, Long> held = quota.held(transferId);
        DecisionInputs inputs =
                assembler.assemble(t.get().institutionId(), t.get().request(), clock.instant(), true, held);
        EngineResult result = bundles.active().evaluate(inputs);
        if (result.outcome() == previous.outcome() && result.codes().equals(previous.codes())) {
            return Optional.empty();
        }
        return Optional.of(decide(
                t.get(),
                derivedId("reevaluation:" + trigger, transferId),
                DecisionSource.REEVALUATION,
                previous.decisionId(),
                actor));
    }

    private TransferDecided decide(
            Transfers.Transfer t, String decisionId, DecisionSource source, String supersedes, Principal actor) {
        Instant now = clock.instant();
        Map<String, Long> held = quota.held(t.transferId());
        CompiledBundle bundle = bundles.active();
        Timer.Sample sample = Timer.start(meters);
        DecisionInputs inputs = assembler.assemble(t.institutionId(), t.request(), now, true, held);
        EngineResult result = bundle.evaluate(inputs);
        sample.stop(evaluation);
        long bytes = t.request().payload().sizeBytes();
        for (String licenceId : held.keySet()) {
            if (!result.outcome().isApproval() || !result.quotaCharges().contains(licenceId)) {
                quota.release(t.transferId(), licenceId);
            }
        }
        if (result.outcome().isApproval()) {
            for (String licenceId : result.quotaCharges()) {
                if (!held.containsKey(licenceId) && !quota.charge(t.transferId(), licenceId, bytes, decisionId)) {
                    // the rows were locked while evaluating, so this means the licence changed underneath
                    throw new IllegalStateException(
                            "quota of " + licenceId + " no longer fits transfer " + t.transferId());
                }
            }
        } else {
            verifications.withdrawOpen(t.transferId());
        }
        TransferDecided decided = new TransferDecided(
                t.transferId(),
                decisionId,
                t.institutionId(),
                t.request().destination().partnerId(),
                t.request().destination().country(),
                t.request().dataset().category(),
                result.outcome(),
                result.reasons(),
                result.conditions(),
                bundle.bundle().ref(),
                source,
                null,
                supersedes,
                result.outcome().isApproval() ? now.plus(config.approvalValidity()) : null);
        decisions.insert(decided, inputs, now);
        transfers.setLatestDecision(t.transferId(), decisionId);
        if (result.outcome().isApproval()) {
            openVerifications(decided, now);
        }
        outbox.add(publisher.event(decisionId, actor, decided));
        if (result.outcome() == Outcome.REVIEW) {
            reviews.open(decided, inputs);
        }
        meters.counter("sluice.policy.decisions", "outcome", result.outcome().name(), "source", source.name())
                .increment();
        return decided;
    }

    private void openVerifications(TransferDecided d, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Condition c : d.conditions()) {
            if (c.code().equals(ReasonCodes.POST_SHIPMENT_VERIFICATION)) {
                verifications.open(
                        d.transferId(),
                        d.decisionId(),
                        d.institutionId(),
                        d.partnerId(),
                        c.reference(),
                        c.description(),
                        c.dueWithinDays() == null ? null : today.plusDays(c.dueWithinDays()));
            }
        }
    }

    /** A stable id for an effect of a cause: the same cause always gives the same id. */
    static String derivedId(String kind, String cause) {
        return UUID.nameUUIDFromBytes((kind + ":" + cause).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
