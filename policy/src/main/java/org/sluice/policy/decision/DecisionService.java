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
     * reasons change. A transfer with an open review case is never approved by a re-evaluation: when
     * the engine would now approve it or still sends it to review, the case stays open with the new
     * reasons (a REVIEW decision carrying its reviewId) so it still needs the votes it required, or more
     * if the new reasons ask more; only a denial closes it (the conservative answer). Every re-evaluation of a transfer under review carries the case's reviewId.
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
        Evaluated e = evaluate(t.get());
        EngineResult result = e.result();
        Optional<ReviewQueue.OpenCase> underReview = reviews.openCase(transferId);
        // people must still decide a case the engine would now approve or still sends to review: it stays
        // open with its votes (its requirement raised if the new reasons ask more), nothing is approved
        boolean keepCase =
                underReview.isPresent() && (result.outcome().isApproval() || result.outcome() == Outcome.REVIEW);
        Outcome outcome = keepCase ? Outcome.REVIEW : result.outcome();
        if (outcome == previous.outcome() && result.codes().equals(previous.codes())) {
            return Optional.empty();
        }
        if (previous.source().byReviewers() && result.outcome() != Outcome.DENY) {
            // people settled it: only a new ground for denial (an embargo, a confirmed party) reopens it
            return Optional.empty();
        }
        if (keepCase) {
            LOG.infof(
                    "transfer %s: after %s the engine says %s (%s); review case %s stays open",
                    transferId,
                    trigger,
                    result.outcome(),
                    result.codes(),
                    underReview.get().reviewId());
        }
        return Optional.of(record(
                t.get(),
                e,
                derivedId("reevaluation:" + trigger, transferId),
                outcome,
                result.conditions(),
                DecisionSource.REEVALUATION,
                underReview.map(ReviewQueue.OpenCase::reviewId).orElse(null),
                previous.decisionId(),
                actor,
                null,
                keepCase));
    }

    /**
     * What approving the (locked) transfer needs now: the engine is evaluated for the current reasons and
     * their strongest override class is combined with the case's votes. Nothing is written.
     *
     * @param caseVotes approving votes the case needs by its risk
     * @param caseSenior whether the case needs a senior among its approvers
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DecisionAuthority.Requirement requirementNow(String transferId, int caseVotes, boolean caseSenior) {
        Transfers.Transfer t = transfers.lock(transferId).orElseThrow();
        return DecisionAuthority.requirement(evaluate(t).result().reasons(), caseVotes, caseSenior);
    }

    /**
     * The people behind a decision by reviewers and what their case needed.
     *
     * @param deciders for an approval the approving voters, in the order they voted; for a denial the
     *     denying voter(s)
     * @param caseVotes approving votes the case needs by its risk (and the reasons it was opened with)
     * @param caseSenior whether the case needs a senior among its approvers
     */
    public record Mandate(List<DecisionAuthority.Decider> deciders, int caseVotes, boolean caseSenior) {
        public Mandate {
            deciders = List.copyOf(deciders);
        }
    }

    /**
     * Settles a transfer as reviewers decided it: the bundle is evaluated again for the current reasons
     * and the licence quota an approval consumes (charged exactly as for an engine approval), the
     * reviewers' conditions are added to the engine's, and {@code TransferDecided} is published. An
     * approval is checked by {@link DecisionAuthority} against the reasons evaluated now: an appeal that
     * corrected the facts may pass, votes never out-vote a hard stop.
     *
     * @param vote the reviewers' outcome: APPROVE (with conditions when there are any) or DENY
     * @param reviewerConditions conditions the reviewers attached to an approval
     * @param source REVIEW or APPEAL
     * @param reviewId the case
     * @param mandate who decided and what the case needed
     * @throws org.sluice.platform.problem.ProblemException 409 when the transfer was cancelled, an
     *     approval's licence quota no longer fits, or the approvers lack the authority (override-not-allowed,
     *     four-eyes); 403 separation-of-duties
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TransferDecided settle(
            String transferId,
            String decisionId,
            Outcome vote,
            List<Condition> reviewerConditions,
            DecisionSource source,
            String reviewId,
            Mandate mandate,
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
        return record(
                t, e, decisionId, outcome, conditions, source, reviewId, t.latestDecision(), actor, mandate, false);
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
        return record(
                t,
                e,
                decisionId,
                e.result().outcome(),
                e.result().conditions(),
                source,
                null,
                supersedes,
                actor,
                null,
                false);
    }

    /**
     * Checks an approval's authority, charges or gives back quota for the outcome, stores the decision
     * and publishes it.
     *
     * @param mandate the reviewers behind it; null for the engine
     * @param keepCase a REVIEW that keeps the open case {@code reviewId} instead of opening a new one
     */
    private TransferDecided record(
            Transfers.Transfer t,
            Evaluated e,
            String decisionId,
            Outcome outcome,
            List<Condition> conditions,
            DecisionSource source,
            String reviewId,
            String supersedes,
            Principal actor,
            Mandate mandate,
            boolean keepCase) {
        Instant now = clock.instant();
        EngineResult result = e.result();
        List<String> deciders = List.of();
        int requiredDeciders = 0;
        if (mandate != null) {
            deciders = mandate.deciders().stream()
                    .map(DecisionAuthority.Decider::id)
                    .distinct()
                    .toList();
            requiredDeciders = 1;
        }
        if (outcome.isApproval()) {
            if (mandate == null) {
                Optional<DecisionAuthority.Refusal> refused =
                        DecisionAuthority.mayApproveByEngine(t.transferId(), result.reasons());
                if (refused.isPresent()) {
                    // only a bundle giving an approving rule the class NONE gets here: deny rather than approve
                    LOG.errorf(
                            "engine approval of transfer %s refused, denied instead: %s",
                            t.transferId(), refused.get().detail());
                    outcome = Outcome.DENY;
                    conditions = List.of();
                }
            } else {
                DecisionAuthority.Requirement req =
                        DecisionAuthority.requirement(result.reasons(), mandate.caseVotes(), mandate.caseSenior());
                DecisionAuthority.mayApprove(req, parties(t), mandate.deciders())
                        .ifPresent(r -> {
                            LOG.warnf("approval of transfer %s refused (%s): %s", t.transferId(), r.slug(), r.detail());
                            throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
                        });
                requiredDeciders = req.approvers();
            }
        }
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
                deciders,
                requiredDeciders);
        decisions.insert(decided, e.inputs(), now);
        transfers.setLatestDecision(t.transferId(), decisionId);
        if (outcome.isApproval()) {
            openVerifications(decided, now);
        }
        outbox.add(publisher.event(decisionId, actor, decided));
        if (outcome == Outcome.REVIEW && keepCase) {
            reviews.keep(reviewId, decided);
        } else if (outcome == Outcome.REVIEW) {
            reviews.open(decided, e.inputs());
        } else if (!source.byReviewers()) {
            reviews.close(t.transferId(), "decided again by the engine: " + outcome);
        }
        meters.counter("sluice.policy.decisions", "outcome", outcome.name(), "source", source.name())
                .increment();
        return decided;
    }

    private static DecisionAuthority.Parties parties(Transfers.Transfer t) {
        return new DecisionAuthority.Parties(t.transferId(), t.institutionId(), t.submittedBy());
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
