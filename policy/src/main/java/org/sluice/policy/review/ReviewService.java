package org.sluice.policy.review;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.review.ReviewClaimed;
import org.sluice.events.review.ReviewEscalated;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.ReviewReleased;
import org.sluice.events.review.ReviewVoteCast;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.ScreeningAdjudication;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.AppealFiled;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.decision.DecisionAuthority;
import org.sluice.policy.decision.DecisionService;
import org.sluice.policy.decision.Decisions;
import org.sluice.policy.decision.ReviewQueue;
import org.sluice.policy.decision.Transfers;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.screening.AdjudicationService;

/**
 * The review queue: opens a case for every REVIEW decision and every appeal of a denial, lets reviewers
 * claim, release and vote under the rules of {@link ReviewRules}, and settles the transfer with a
 * {@code TransferDecided} (source REVIEW or APPEAL) once the votes suffice. Every state change and its
 * event on {@code sluice.review} commit together through the outbox.
 */
@ApplicationScoped
public class ReviewService implements ReviewQueue {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);
    private static final Principal POLICY = Principal.system("policy");

    private final ReviewRepository cases;
    private final Transfers transfers;
    private final Decisions decisions;
    private final DecisionService decider;
    private final AdjudicationService adjudications;
    private final BundleService bundles;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final PolicyConfig.ReviewConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReviewService(
            ReviewRepository cases,
            Transfers transfers,
            Decisions decisions,
            DecisionService decider,
            AdjudicationService adjudications,
            BundleService bundles,
            Outbox outbox,
            EventPublisher publisher,
            PolicyConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.cases = cases;
        this.transfers = transfers;
        this.decisions = decisions;
        this.decider = decider;
        this.adjudications = adjudications;
        this.bundles = bundles;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config.review();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A reviewer's vote as the API receives it.
     *
     * @param vote APPROVE or DENY
     * @param justification why (required)
     * @param conditions conditions attached to an approval
     * @param adjudications judgements on the case's screening hits
     */
    public record Ballot(
            Vote vote, String justification, List<Condition> conditions, List<ScreeningAdjudication> adjudications) {
        public Ballot {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            adjudications = adjudications == null ? List.of() : List.copyOf(adjudications);
        }
    }

    // ---- opening and closing cases

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(TransferDecided decision, DecisionInputs inputs) {
        Transfers.Transfer t = transfers.find(decision.transferId()).orElseThrow();
        close(decision.transferId(), "superseded by decision " + decision.decisionId());
        openCase(derivedId("review", decision.decisionId()), t, decision, ReviewKind.DECISION, null, null, List.of());
    }

    @Override
    public Optional<OpenCase> openCase(String transferId) {
        return cases.openOf(transferId).stream()
                .findFirst()
                .map(c -> new OpenCase(c.reviewId(), c.requiredVotes(), c.seniorRequired()));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(String reviewId, TransferDecided decision) {
        ReviewCase c = cases.lock(reviewId).orElseThrow();
        cases.updateCodes(reviewId, decision.codes());
        DecisionAuthority.Requirement req =
                DecisionAuthority.requirement(decision.reasons(), c.requiredVotes(), c.seniorRequired());
        if (req.exceeds(c.requiredVotes(), c.seniorRequired())) {
            cases.raiseRequirement(reviewId, req.approvers(), req.senior());
        }
        LOG.infof(
                "review case %s on transfer %s kept open by decision %s with reasons %s",
                reviewId, decision.transferId(), decision.decisionId(), decision.codes());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String transferId, String reason) {
        int closed = cases.closeOpen(transferId, reason, clock.instant());
        if (closed > 0) {
            LOG.infof("transfer %s: %d open review case(s) closed: %s", transferId, closed, reason);
        }
    }

    /**
     * An appeal of a denial: opens an APPEAL case that nobody who decided the transfer before may decide.
     * An appeal of a transfer that is not currently denied, or already under review, has no effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReviewCase> onAppeal(String eventId, AppealFiled appeal, Principal by) {
        Optional<Transfers.Transfer> t = transfers.lock(appeal.transferId());
        if (t.isEmpty() || t.get().latestDecision() == null) {
            LOG.warnf("appeal %s ignored: transfer %s is not known to policy", appeal.appealId(), appeal.transferId());
            return Optional.empty();
        }
        TransferDecided current =
                decisions.find(t.get().latestDecision()).orElseThrow().decision();
        if (current.outcome() != Outcome.DENY || t.get().cancelled()) {
            LOG.warnf(
                    "appeal %s ignored: transfer %s is not denied (decision %s is %s%s)",
                    appeal.appealId(),
                    appeal.transferId(),
                    current.decisionId(),
                    current.outcome(),
                    t.get().cancelled() ? ", cancelled" : "");
            return Optional.empty();
        }
        if (!cases.openOf(appeal.transferId()).isEmpty()) {
            LOG.warnf("appeal %s ignored: transfer %s is under review already", appeal.appealId(), appeal.transferId());
            return Optional.empty();
        }
        ReviewCase opened = openCase(
                derivedId("appeal", appeal.appealId()),
                t.get(),
                current,
                ReviewKind.APPEAL,
                appeal.appealId(),
                appeal.statement(),
                cases.votersOf(appeal.transferId()));
        LOG.infof(
                "appeal %s (event %s) by %s opened case %s on transfer %s",
                appeal.appealId(), eventId, by.id(), opened.reviewId(), appeal.transferId());
        return Optional.of(opened);
    }

    private ReviewCase openCase(
            String reviewId,
            Transfers.Transfer t,
            TransferDecided underReview,
            ReviewKind kind,
            String appealId,
            String statement,
            List<String> excluded) {
        // millisecond instants: the stored deadline equals the published one
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var tables = bundles.active().bundle().tables();
        RiskLevel risk = ReviewRules.risk(
                underReview.category().name(),
                underReview.destinationCountry(),
                underReview.codes(),
                tables.getOrDefault(config.controlledCategoriesTable(), List.of()),
                tables.getOrDefault(config.countriesOfConcernTable(), List.of()),
                config.highRiskCodes());
        // the case needs what its risk needs and what the reasons' override class needs, whichever is more
        int required = ReviewRules.requiredVotes(risk);
        boolean senior = risk == RiskLevel.HIGH;
        DecisionAuthority.Requirement req = DecisionAuthority.requirement(underReview.reasons(), required, senior);
        if (req.liftable()) {
            required = req.approvers();
            senior = req.senior();
        }
        ReviewCase c = new ReviewCase(
                reviewId,
                t.transferId(),
                kind,
                underReview.decisionId(),
                underReview.source(),
                underReview.outcome(),
                appealId,
                statement,
                t.institutionId(),
                t.submittedBy(),
                underReview.partnerId(),
                underReview.destinationCountry(),
                underReview.category().name(),
                underReview.codes(),
                risk,
                required,
                senior,
                false,
                excluded,
                ReviewCase.OPEN,
                null,
                null,
                now,
                now.plus(risk == RiskLevel.HIGH ? config.highDeadline() : config.standardDeadline()),
                null,
                null);
        if (!cases.insert(c)) {
            return cases.find(reviewId).orElse(c);
        }
        outbox.add(publisher.event(
                derivedId("review-opened", reviewId),
                POLICY,
                new ReviewOpened(
                        reviewId,
                        t.transferId(),
                        kind,
                        underReview.decisionId(),
                        t.institutionId(),
                        underReview.partnerId(),
                        underReview.destinationCountry(),
                        underReview.category(),
                        risk,
                        required,
                        c.deadline(),
                        underReview.reasons(),
                        excluded)));
        meters.counter("sluice.policy.reviews.opened", "kind", kind.name(), "risk", risk.name())
                .increment();
        return c;
    }

    // ---- reviewer actions

    /** Takes an open case; exactly one of concurrent claims wins, the others answer 409. */
    @Transactional
    public ReviewCase claim(String reviewId, Principal by) {
        ReviewCase c = cases.find(reviewId).orElseThrow(() -> ProblemException.notFound("review case " + reviewId));
        requireOpen(c);
        if (by.id().equals(c.claimedBy())) {
            return c;
        }
        refuseIfNotAllowed(c, cases.votes(reviewId), by);
        if (!cases.claim(reviewId, by.id(), isSenior(by), clock.instant())) {
            ReviewCase now = cases.find(reviewId).orElseThrow();
            if (by.id().equals(now.claimedBy())) {
                return now;
            }
            throw ProblemException.conflict(
                    "already-claimed",
                    "Case already claimed",
                    "case " + reviewId + " is held by "
                            + (now.claimedBy() == null ? "nobody (closed)" : now.claimedBy()));
        }
        outbox.add(publisher.event(by, new ReviewClaimed(reviewId, c.transferId())));
        return cases.find(reviewId).orElseThrow();
    }

    /** Gives a claimed case back to the queue; only its holder may. */
    @Transactional
    public ReviewCase release(String reviewId, String reason, Principal by) {
        ReviewCase c = cases.lock(reviewId).orElseThrow(() -> ProblemException.notFound("review case " + reviewId));
        requireOpen(c);
        requireHolder(c, by);
        cases.release(reviewId);
        outbox.add(publisher.event(by, new ReviewReleased(reviewId, c.transferId(), reason)));
        return cases.find(reviewId).orElseThrow();
    }

    /**
     * Casts the holder's vote. When the votes settle the case, the transfer is decided (and published)
     * in the same transaction; otherwise the case goes back to the queue for the next reviewer.
     */
    @Transactional
    public ReviewCase vote(String reviewId, Ballot ballot, Principal by) {
        ReviewCase seen = cases.find(reviewId).orElseThrow(() -> ProblemException.notFound("review case " + reviewId));
        // the transfer's row before the case's: the order engine decisions take them in, so they never deadlock
        transfers.lock(seen.transferId());
        ReviewCase c = cases.lock(reviewId).orElseThrow();
        requireOpen(c);
        requireHolder(c, by);
        if (ballot.vote() == Vote.APPROVE) {
            c = requireAuthorityNow(c);
        }
        List<CastVote> votes = new ArrayList<>(cases.votes(reviewId));
        refuseIfNotAllowed(c, votes, by);
        Instant now = clock.instant();
        boolean overrides = ballot.vote() == Vote.APPROVE && c.underReviewIsEngineDeny();
        CastVote cast = new CastVote(
                reviewId,
                by.id(),
                isSenior(by),
                ballot.vote(),
                ballot.justification().strip(),
                ballot.vote() == Vote.APPROVE ? ballot.conditions() : List.of(),
                ballot.adjudications(),
                overrides,
                false,
                now);
        votes.add(cast);
        Optional<Vote> settled = ReviewRules.settles(c, votes);
        cases.insertVote(cast);
        for (ScreeningAdjudication a : ballot.adjudications()) {
            if (adjudications
                    .adjudicate(a.entryId(), a.screenedName(), a.verdict(), cast.justification(), by)
                    .isEmpty()) {
                throw ProblemException.invalidField(
                        "adjudications.entryId", "known", "no screening list in force has entry " + a.entryId());
            }
        }
        outbox.add(publisher.event(
                by,
                new ReviewVoteCast(
                        reviewId,
                        c.transferId(),
                        ballot.vote(),
                        cast.justification(),
                        cast.conditions(),
                        cast.adjudications(),
                        overrides,
                        settled.isPresent())));
        meters.counter("sluice.policy.reviews.votes", "vote", ballot.vote().name())
                .increment();
        if (settled.isEmpty()) {
            cases.release(reviewId);
            return cases.find(reviewId).orElseThrow();
        }
        cases.markDecisive(reviewId, by.id());
        List<Condition> conditions = new ArrayList<>();
        votes.stream()
                .filter(v -> v.vote() == Vote.APPROVE)
                .forEach(v -> v.conditions().stream()
                        .map(k -> new Condition(
                                k.code() == null || k.code().isBlank() ? "REVIEW_CONDITION" : k.code(),
                                k.description(),
                                k.dueWithinDays(),
                                k.reference() == null ? reviewId : k.reference()))
                        .forEach(conditions::add));
        List<DecisionAuthority.Decider> deciders = votes.stream()
                .filter(v -> v.vote() == settled.get())
                .map(v -> v.reviewer().equals(by.id())
                        ? ReviewRules.decider(reviewer(by))
                        : new DecisionAuthority.Decider(v.reviewer(), null, v.senior()))
                .toList();
        TransferDecided decided = decider.settle(
                c.transferId(),
                derivedId("review-decision", reviewId),
                settled.get() == Vote.APPROVE ? Outcome.APPROVE : Outcome.DENY,
                conditions,
                c.kind() == ReviewKind.APPEAL ? DecisionSource.APPEAL : DecisionSource.REVIEW,
                reviewId,
                new DecisionService.Mandate(deciders, c.requiredVotes(), c.seniorRequired()),
                by);
        cases.settle(reviewId, decided.outcome(), decided.decisionId(), now);
        meters.counter(
                        "sluice.policy.reviews.settled",
                        "outcome",
                        decided.outcome().name(),
                        "kind",
                        c.kind().name())
                .increment();
        return cases.find(reviewId).orElseThrow();
    }

    // ---- escalation

    /**
     * Escalates every open case past its deadline to senior reviewers, each in its own transaction.
     *
     * @return the cases escalated
     */
    public List<String> escalateOverdue() {
        List<String> escalated = new ArrayList<>();
        for (String reviewId : cases.overdue(clock.instant())) {
            if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> escalate(reviewId))) {
                escalated.add(reviewId);
            }
        }
        return escalated;
    }

    private boolean escalate(String reviewId) {
        ReviewCase c = cases.lock(reviewId).orElseThrow();
        Instant now = clock.instant();
        if (!c.status().equals(ReviewCase.OPEN) || c.escalated() || c.deadline().isAfter(now)) {
            return false;
        }
        Instant newDeadline = now.plus(config.escalatedDeadline()).truncatedTo(ChronoUnit.MILLIS);
        cases.escalate(reviewId, newDeadline);
        outbox.add(publisher.event(
                derivedId("review-escalated", reviewId),
                POLICY,
                new ReviewEscalated(reviewId, c.transferId(), c.deadline(), newDeadline, Roles.SENIOR_REVIEWER)));
        meters.counter("sluice.policy.reviews.escalated").increment();
        LOG.infof(
                "review case %s on transfer %s missed its deadline %s: escalated to senior reviewers until %s",
                reviewId, c.transferId(), c.deadline(), newDeadline);
        return true;
    }

    // ---- rules

    /**
     * The engine's reasons as they are now decide what an approving vote needs: none at all against a
     * hard stop (409 override-not-allowed, before anything is written), and never less than the case
     * already needed. A case whose reasons now demand more keeps the raised requirement.
     */
    private ReviewCase requireAuthorityNow(ReviewCase c) {
        DecisionAuthority.Requirement req =
                decider.requirementNow(c.transferId(), c.requiredVotes(), c.seniorRequired());
        if (!req.liftable()) {
            DecisionAuthority.Refusal r = DecisionAuthority.mayApprove(req, ReviewRules.parties(c), List.of())
                    .orElseThrow();
            throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
        }
        if (req.exceeds(c.requiredVotes(), c.seniorRequired())) {
            cases.raiseRequirement(c.reviewId(), req.approvers(), req.senior());
            return c.withRequirement(req.approvers(), req.senior());
        }
        return c;
    }

    private void refuseIfNotAllowed(ReviewCase c, List<CastVote> votes, Principal by) {
        ReviewRules.mayTake(c, votes, reviewer(by)).ifPresent(r -> {
            throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
        });
    }

    private static void requireOpen(ReviewCase c) {
        if (!c.status().equals(ReviewCase.OPEN)) {
            throw ProblemException.conflict(
                    "case-closed",
                    "Case closed",
                    "case " + c.reviewId() + " is " + c.status().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void requireHolder(ReviewCase c, Principal by) {
        if (!by.id().equals(c.claimedBy())) {
            throw ProblemException.conflict(
                    "not-claimed",
                    "Case not claimed by you",
                    "case " + c.reviewId() + " is "
                            + (c.claimedBy() == null ? "not claimed" : "claimed by " + c.claimedBy())
                            + "; claim it before deciding");
        }
    }

    static ReviewRules.Reviewer reviewer(Principal p) {
        return new ReviewRules.Reviewer(p.id(), p.institution(), isSenior(p));
    }

    static boolean isSenior(Principal p) {
        return p.hasRole(Roles.SENIOR_REVIEWER);
    }

    private static String derivedId(String kind, String cause) {
        return UUID.nameUUIDFromBytes((kind + ":" + cause).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
