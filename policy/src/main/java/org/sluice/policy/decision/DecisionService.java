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
import java.util.ArrayList;
import java.util.List;
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
import org.sluice.platform.problem.ProblemException;
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
        return onRequested(eventId, requested, null);
    }

    /**
     * Decides a new request once, remembering who submitted it (a submitter may not review its own
     * transfer).
     *
     * @param submittedBy the principal id of the request event's actor, null when unknown
     * @return the decision, empty when the transfer was known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TransferDecided> onRequested(String eventId, TransferRequested requested, String submittedBy) {
        if (!transfers.insert(
                requested.transferId(),
                requested.institutionId(),
                requested.request(),
                eventId,
                clock.instant(),
                submittedBy)) {
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
            reviews.close(transferId, "transfer cancelled");
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
        if (previous.source().byReviewers() && result.outcome() != Outcome.DENY) {
            // people settled it: only a new ground for denial (an embargo, a confirmed party) reopens it
            return Optional.empty();
        }
        return Optional.of(decide(
                t.get(),
                derivedId("reevaluation:" + trigger, transferId),
                DecisionSource.REEVALUATION,
                previous.decisionId(),
                actor));
    }

    /**
     * Settles a transfer as reviewers decided it: the bundle is evaluated again for the current reasons
     * and the licence quota an approval consumes (charged exactly as for an engine approval), the
     * reviewers' conditions are added to the engine's, and {@code TransferDecided} is published.
     *
     * @param vote the reviewers' outcome: APPROVE (with conditions when there are any) or DENY
     * @param reviewerConditions conditions the reviewers attached to an approval
     * @param source REVIEW or APPEAL
     * @param reviewId the case
     * @throws org.sluice.platform.problem.ProblemException 409 when the transfer was cancelled or an
     *     approval's licence quota no longer fits
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TransferDecided settle(
            String transferId,
            String decisionId,
            Outcome vote,
            List<Condition> reviewerConditions,
            DecisionSource source,
            String reviewId,
            Principal actor) {
        Transfers.Transfer t = transfers.lock(transferId).orElseThrow();
        if (t.cancelled()) {
            throw ProblemException.conflict(
                    "transfer-cancelled", "Transfer cancelled", "transfer " + transferId + " was cancelled");
        }
        Evaluated e = evaluate(t);
        List<Condition> conditions = new ArrayList<>();
        Outcome outcome = vote;
        if (vote.isApproval()) {
            conditions.addAll(e.result().conditions());
            conditions.addAll(reviewerConditions);
            outcome = conditions.isEmpty() ? Outcome.APPROVE : Outcome.APPROVE_WITH_CONDITIONS;
        }
        return record(t, e, decisionId, outcome, conditions, source, reviewId, t.latestDecision(), actor);
    }

    private record Evaluated(
            Map<String, Long> held, DecisionInputs inputs, EngineResult result, CompiledBundle bundle) {}

    private Evaluated evaluate(Transfers.Transfer t) {
        Map<String, Long> held = quota.held(t.transferId());
        CompiledBundle bundle = bundles.active();
        Timer.Sample sample = Timer.start(meters);
        DecisionInputs inputs = assembler.assemble(t.institutionId(), t.request(), clock.instant(), true, held);
        EngineResult result = bundle.evaluate(inputs);
        sample.stop(evaluation);
        return new Evaluated(held, inputs, result, bundle);
    }

    private TransferDecided decide(
            Transfers.Transfer t, String decisionId, DecisionSource source, String supersedes, Principal actor) {
        Evaluated e = evaluate(t);
        return record(t, e, decisionId, e.result().outcome(), e.result().conditions(), source, null, supersedes, actor);
    }

    /** Charges or gives back quota for the outcome, stores the decision and publishes it. */
    private TransferDecided record(
            Transfers.Transfer t,
            Evaluated e,
            String decisionId,
            Outcome outcome,
            List<Condition> conditions,
            DecisionSource source,
            String reviewId,
            String supersedes,
            Principal actor) {
        Instant now = clock.instant();
        EngineResult result = e.result();
        long bytes = t.request().payload().sizeBytes();
        for (String licenceId : e.held().keySet()) {
            if (!outcome.isApproval() || !result.quotaCharges().contains(licenceId)) {
                quota.release(t.transferId(), licenceId);
            }
        }
        if (outcome.isApproval()) {
            for (String licenceId : result.quotaCharges()) {
                if (!e.held().containsKey(licenceId) && !quota.charge(t.transferId(), licenceId, bytes, decisionId)) {
                    if (source.byReviewers()) {
                        throw ProblemException.conflict(
                                "quota-exhausted",
                                "Licence quota exhausted",
                                "the quota of licence " + licenceId + " no longer fits transfer " + t.transferId());
                    }
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
                outcome,
                result.reasons(),
                conditions,
                e.bundle().bundle().ref(),
                source,
                reviewId,
                supersedes,
                outcome.isApproval() ? now.plus(config.approvalValidity()) : null,
                List.of(),
                0);
        decisions.insert(decided, e.inputs(), now);
        transfers.setLatestDecision(t.transferId(), decisionId);
        if (outcome.isApproval()) {
            openVerifications(decided, now);
        }
        outbox.add(publisher.event(decisionId, actor, decided));
        if (outcome == Outcome.REVIEW) {
            reviews.open(decided, e.inputs());
        } else if (!source.byReviewers()) {
            reviews.close(t.transferId(), "decided again by the engine: " + outcome);
        }
        meters.counter("sluice.policy.decisions", "outcome", outcome.name(), "source", source.name())
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
