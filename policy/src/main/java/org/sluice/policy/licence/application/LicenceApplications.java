package org.sluice.policy.licence.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sluice.events.Principal;
import org.sluice.events.decision.Reason;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationEscalated;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.policy.ChangeKind;
import org.sluice.events.policy.LicenceChanged;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.platform.messaging.EventPublisher;
import org.sluice.platform.outbox.Outbox;
import org.sluice.platform.problem.ProblemException;
import org.sluice.platform.security.Roles;
import org.sluice.policy.PolicyConfig;
import org.sluice.policy.bundle.BundleService;
import org.sluice.policy.licence.LicenceRepository;
import org.sluice.policy.partner.PartnerRepository;
import org.sluice.policy.world.Licence;

/**
 * Licence applications: applying (idempotent per institution and key), officers' votes under
 * {@link ApplicationRules}, withdrawal and escalation. Every change and its events on
 * {@code sluice.policy.changes} commit together through the outbox; a grant creates the licence in the
 * same transaction and announces it with {@code LicenceChanged}, which re-decides the waiting transfers.
 */
@ApplicationScoped
public class LicenceApplications {

    private static final Logger LOG = Logger.getLogger(LicenceApplications.class);
    private static final Principal POLICY = Principal.system("policy");

    private final ApplicationRepository applications;
    private final LicenceRepository licences;
    private final PartnerRepository partners;
    private final BlockingReasons blocking;
    private final BundleService bundles;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final PolicyConfig.LicenceApplicationsConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    public LicenceApplications(
            ApplicationRepository applications,
            LicenceRepository licences,
            PartnerRepository partners,
            BlockingReasons blocking,
            BundleService bundles,
            Outbox outbox,
            EventPublisher publisher,
            PolicyConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.applications = applications;
        this.licences = licences;
        this.partners = partners;
        this.blocking = blocking;
        this.bundles = bundles;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config.licenceApplications();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * An application made (or answered again for a retry).
     *
     * @param application the application
     * @param replayed whether this answers a retry with the same idempotency key
     */
    public record Applied(Application application, boolean replayed) {}

    /**
     * Applies for the institution. A key the institution used before answers that application again
     * when the body is the same, and 422 idempotency-key-reused when it is not.
     */
    @Transactional
    public Applied apply(
            String institution, Principal by, ApplicationForm.Draft d, Optional<String> key, String requestSha256) {
        if (key.isPresent()) {
            Optional<Applied> earlier = replay(institution, key.get(), requestSha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (d.partnerId() != null) {
            partners.find(d.partnerId()).ifPresent(p -> {
                if (!p.country().equals(d.destinationCountry())) {
                    throw ProblemException.invalidField(
                            "destinationCountry",
                            "partner-country",
                            "partner " + p.id() + " is registered in " + p.country() + ", not "
                                    + d.destinationCountry());
                }
            });
        }
        var tables = bundles.active().bundle().tables();
        RiskLevel risk = ApplicationRules.risk(
                d.categories(),
                d.destinationCountry(),
                config.highRiskCategories(),
                tables.getOrDefault(config.recognisedDestinationsTable(), List.of()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expectedBy = now.plus(
                risk == RiskLevel.HIGH
                        ? config.serviceLevel().high()
                        : config.serviceLevel().standard());
        Application a = new Application(
                "la-" + UUID.randomUUID(),
                newLicenceId(),
                ApplicationStatus.PENDING,
                institution,
                by.id(),
                d.partnerId(),
                d.destinationCountry(),
                d.categories(),
                d.purpose(),
                d.endUsers(),
                d.quotaBytes(),
                d.quotaTransfers(),
                d.validFrom(),
                d.validUntil(),
                risk,
                ApplicationRules.requiredVotes(risk),
                now,
                expectedBy,
                expectedBy,
                false,
                null,
                null,
                List.of());
        if (!applications.insert(a, key.orElse(null), requestSha256)) {
            // a concurrent retry with the same key committed first
            return replay(institution, key.orElseThrow(), requestSha256).orElseThrow();
        }
        outbox.add(publisher.event(
                by,
                new LicenceApplied(
                        a.applicationId(),
                        a.licenceId(),
                        institution,
                        a.partnerId(),
                        a.destinationCountry(),
                        a.categories(),
                        a.purpose(),
                        a.endUsers(),
                        a.quotaBytes(),
                        a.quotaTransfers(),
                        a.validFrom(),
                        a.validUntil(),
                        risk,
                        a.requiredVotes(),
                        expectedBy)));
        meters.counter("sluice.policy.licence-applications.applied", "risk", risk.name())
                .increment();
        LOG.infof(
                "licence application %s by %s of %s: %s to %s, risk %s, expected by %s",
                a.applicationId(), by.id(), institution, a.categories(), a.destinationCountry(), risk, expectedBy);
        return new Applied(a, false);
    }

    private Optional<Applied> replay(String institution, String key, String requestSha256) {
        return applications.byIdempotencyKey(institution, key).map(k -> {
            if (!k.requestSha256().equals(requestSha256)) {
                throw ProblemException.unprocessable(
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "Idempotency-Key '" + key + "' was already used with a different application");
            }
            return new Applied(k.application(), true);
        });
    }

    private String newLicenceId() {
        while (true) {
            String id = String.format(Locale.ROOT, "LIC-A-%06d", applications.nextNumber());
            if (!applications.licenceExists(id)) {
                return id;
            }
        }
    }

    /**
     * Casts the officer's vote under the rules. A grant stores the licence and publishes the vote, the
     * decision and the licence's {@code LicenceChanged} in the same transaction; a refusal publishes the
     * vote and the decision; otherwise the vote alone.
     */
    @Transactional
    public Application vote(String applicationId, ApplicationRules.Ballot ballot, Principal by) {
        Application a = applications
                .lock(applicationId)
                .orElseThrow(() -> ProblemException.notFound("licence application " + applicationId));
        List<OfficerVote> votes = applications.votes(applicationId);
        ApplicationRules.Officer officer = officer(by);
        // the hard stops are evaluated now, inside the row lock: nothing that changed since the page was read counts
        List<Reason> stands = ballot.vote() == Vote.APPROVE
                        && ApplicationRules.mayAct(a, votes, officer).isEmpty()
                ? blocking.of(a)
                : List.of();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApplicationRules.Verdict verdict = ApplicationRules.cast(a, votes, officer, ballot, stands, now);
        if (verdict instanceof ApplicationRules.Refused refused) {
            ApplicationRules.Refusal r = refused.refusal();
            LOG.infof("vote of %s on licence application %s refused: %s", by.id(), applicationId, r.slug());
            throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
        }
        ApplicationRules.Accepted accepted = (ApplicationRules.Accepted) verdict;
        applications.insertVote(applicationId, officer.institution(), accepted.vote());
        outbox.add(publisher.event(
                by,
                new LicenceApplicationVoteCast(
                        applicationId, ballot.vote(), accepted.vote().justification(), accepted.decisive())));
        meters.counter(
                        "sluice.policy.licence-applications.votes",
                        "vote",
                        ballot.vote().name())
                .increment();
        if (!accepted.decisive()) {
            return a;
        }
        Application settled;
        if (accepted.outcome() == ApplicationStatus.GRANTED) {
            settled = a.settled(ApplicationStatus.GRANTED, now, accepted.terms(), List.of());
            Licence licence = grant(settled, accepted.terms());
            applications.settle(settled);
            outbox.add(publisher.event(by, decided(settled, ApplicationOutcome.GRANTED)));
            outbox.add(publisher.event(
                    by,
                    new LicenceChanged(
                            licence.id(),
                            ChangeKind.CREATED,
                            licence.type(),
                            licence.status(),
                            licence.holder(),
                            licence.validFrom(),
                            licence.validUntil())));
        } else {
            settled = a.settled(
                    ApplicationStatus.REFUSED,
                    now,
                    null,
                    List.of(accepted.vote().justification()));
            applications.settle(settled);
            outbox.add(publisher.event(by, decided(settled, ApplicationOutcome.REFUSED)));
        }
        meters.counter(
                        "sluice.policy.licence-applications.decided",
                        "outcome",
                        settled.status().name())
                .increment();
        LOG.infof(
                "licence application %s %s by %s%s",
                applicationId,
                settled.status(),
                by.id(),
                settled.status() == ApplicationStatus.GRANTED ? ": licence " + settled.licenceId() : "");
        return settled;
    }

    /** The licence a grant creates: individual, held by the institution, the application's scope, the terms. */
    private Licence grant(Application a, LicenceTerms t) {
        Licence licence = new Licence(
                a.licenceId(),
                Licence.INDIVIDUAL,
                Licence.ACTIVE,
                a.institutionId(),
                a.categories().stream().map(Category::name).toList(),
                List.of(a.destinationCountry()),
                null,
                t.validFrom(),
                t.validUntil(),
                t.quotaBytes(),
                t.quotaTransfers(),
                0,
                0,
                t.postShipmentVerification(),
                t.verificationDays(),
                a.purpose().description());
        if (licences.upsert(licence).isPresent()) {
            // ids come from a sequence no administrator draws from and were checked free at application time
            throw new IllegalStateException("licence " + a.licenceId() + " existed before its application was granted");
        }
        return licence;
    }

    /** The applicant withdraws a pending application (404 for another institution's). */
    @Transactional
    public Application withdraw(String applicationId, String institution, String reason, Principal by) {
        Application a = applications
                .lock(applicationId)
                .filter(x -> x.institutionId().equals(institution))
                .orElseThrow(() -> ProblemException.notFound("licence application " + applicationId));
        ApplicationRules.open(a).ifPresent(r -> {
            throw new ProblemException(r.status(), r.slug(), r.title(), r.detail(), List.of());
        });
        Application settled = a.settled(
                ApplicationStatus.WITHDRAWN, clock.instant().truncatedTo(ChronoUnit.MILLIS), null, List.of(reason));
        applications.settle(settled);
        outbox.add(publisher.event(by, decided(settled, ApplicationOutcome.WITHDRAWN)));
        return settled;
    }

    private static LicenceApplicationDecided decided(Application a, ApplicationOutcome outcome) {
        return new LicenceApplicationDecided(
                a.applicationId(),
                outcome,
                a.institutionId(),
                a.partnerId(),
                a.destinationCountry(),
                outcome == ApplicationOutcome.GRANTED ? a.licenceId() : null,
                a.terms(),
                a.reasons(),
                a.appliedAt(),
                a.expectedBy(),
                a.lateAt(a.decidedAt()));
    }

    /** Escalates every pending application past its expected date, each in its own transaction. */
    public List<String> escalateOverdue() {
        List<String> escalated = new ArrayList<>();
        for (String id : applications.overdue(clock.instant())) {
            if (QuarkusTransaction.requiringNew().call(() -> escalate(id))) {
                escalated.add(id);
            }
        }
        return escalated;
    }

    private boolean escalate(String applicationId) {
        Application a = applications.lock(applicationId).orElseThrow();
        Instant now = clock.instant();
        if (a.status() != ApplicationStatus.PENDING
                || a.escalated()
                || a.expectedBy().isAfter(now)) {
            return false;
        }
        Instant newExpectedBy =
                a.expectedBy().plus(config.serviceLevel().escalation()).truncatedTo(ChronoUnit.MILLIS);
        applications.escalate(applicationId, newExpectedBy);
        outbox.add(publisher.event(
                derivedId("licence-application-escalated", applicationId),
                POLICY,
                new LicenceApplicationEscalated(applicationId, a.expectedBy(), newExpectedBy, Roles.SENIOR_REVIEWER)));
        meters.counter("sluice.policy.licence-applications.escalated").increment();
        LOG.infof(
                "licence application %s missed its expected date %s: escalated to senior reviewers until %s",
                applicationId, a.expectedBy(), newExpectedBy);
        return true;
    }

    /** The application as the API shows it now: votes, today's blocking reasons (while pending), waiting transfers. */
    public LicenceApplication view(Application a) {
        List<Reason> stands = a.status() == ApplicationStatus.PENDING ? blocking.of(a) : List.of();
        return LicenceApplication.of(
                a,
                applications.votes(a.applicationId()),
                stands,
                applications.waitingTransfers(a.institutionId(), a.licenceId()),
                clock.instant());
    }

    static ApplicationRules.Officer officer(Principal by) {
        return new ApplicationRules.Officer(by.id(), by.institution(), by.hasRole(Roles.SENIOR_REVIEWER));
    }

    private static String derivedId(String kind, String cause) {
        return UUID.nameUUIDFromBytes((kind + ":" + cause).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
