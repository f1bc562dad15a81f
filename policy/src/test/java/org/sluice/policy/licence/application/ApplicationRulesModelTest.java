package org.sluice.policy.licence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;

/**
 * A model-based test of {@link ApplicationRules}: seeded random sequences of votes by random officers
 * (some of the applying institution, some senior), with random terms (narrower, as applied, wider,
 * unlimited), while blocking reasons come and go, escalations and withdrawals happen. After every step
 * the invariants hold: never granted with fewer distinct approvals than required, never without a senior
 * when HIGH, never with an approval by an officer of the applying institution, never while a blocking
 * reason stands, never with terms wider than applied or differing between approvers, and a closed
 * application never changes. Every outcome the rules can give must have occurred, so no invariant holds
 * vacuously.
 *
 * <p>{@code -Dsluice.model.seed=S} replays a seed, {@code -Dsluice.model.actions=N} the number of steps.
 */
class ApplicationRulesModelTest {

    private static final long SEED = Long.getLong("sluice.model.seed", System.nanoTime());
    private static final int ACTIONS = Integer.getInteger("sluice.model.actions", 20_000);
    private static final int RUN_LENGTH = 12;

    private static final List<ApplicationRules.Officer> OFFICERS = List.of(
            new ApplicationRules.Officer("r1@eco", "eco", false),
            new ApplicationRules.Officer("r2@eco", "eco", false),
            new ApplicationRules.Officer("r3@none", null, false),
            new ApplicationRules.Officer("s1@eco", "eco", true),
            new ApplicationRules.Officer("s2@eco", "eco", true),
            new ApplicationRules.Officer("x@i-rivm", Applications.INSTITUTION, true),
            new ApplicationRules.Officer("alice@i-rivm", null, false));

    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    void noSequenceOfVotesGrantsWhatTheRulesForbid() {
        Random random = new Random(SEED);
        int steps = 0;
        while (steps < ACTIONS) {
            Model m = new Model(Applications.pending(random.nextBoolean() ? RiskLevel.HIGH : RiskLevel.STANDARD));
            for (int i = 0; i < RUN_LENGTH && steps < ACTIONS; i++, steps++) {
                step(m, random);
            }
        }
        for (String outcome : List.of(
                "GRANTED",
                "REFUSED",
                "WITHDRAWN",
                "separation-of-duties",
                "four-eyes",
                "senior-reviewer-required",
                "terms-differ",
                "terms-exceed-application",
                "override-not-allowed",
                "application-closed",
                "granted-HIGH",
                "granted-escalated")) {
            assertThat(seen.getOrDefault(outcome, 0))
                    .as("seed %d: outcome %s never occurred, an invariant about it would hold vacuously", SEED, outcome)
                    .isPositive();
        }
    }

    /** The application and its votes as the service would hold them. */
    private static final class Model {
        Application application;
        final List<OfficerVote> votes = new ArrayList<>();
        List<Reason> blocking = List.of();

        Model(Application a) {
            this.application = a;
        }
    }

    private void step(Model m, Random random) {
        Application before = m.application;
        int beforeVotes = m.votes.size();
        int kind = random.nextInt(10);
        Instant now = Instant.parse("2027-01-05T10:00:00Z").plusSeconds(m.votes.size());
        if (kind == 0) {
            m.blocking = random.nextBoolean()
                    ? List.of(Applications.reason("EMBARGOED_DESTINATION", OverrideClass.NONE))
                    : List.of();
            return;
        }
        if (kind == 1 && !before.escalated() && !before.status().closed()) {
            m.application = before.escalatedUntil(now.plusSeconds(86_400));
            return;
        }
        if (kind == 2 && random.nextInt(4) == 0) {
            if (ApplicationRules.open(before).isEmpty()) {
                m.application = before.settled(ApplicationStatus.WITHDRAWN, now, null, List.of("withdrawn"));
                count("WITHDRAWN");
            } else {
                count("application-closed");
            }
            checkClosedUnchanged(before, beforeVotes, m);
            return;
        }
        ApplicationRules.Officer officer = OFFICERS.get(random.nextInt(OFFICERS.size()));
        Vote vote = random.nextInt(6) == 0 ? Vote.DENY : Vote.APPROVE;
        ApplicationRules.Ballot ballot = new ApplicationRules.Ballot(vote, "because", terms(before, m, random));
        ApplicationRules.Verdict verdict =
                ApplicationRules.cast(before, List.copyOf(m.votes), officer, ballot, m.blocking, now);
        if (verdict instanceof ApplicationRules.Refused r) {
            count(r.refusal().slug());
        } else {
            ApplicationRules.Accepted a = (ApplicationRules.Accepted) verdict;
            m.votes.add(a.vote());
            if (a.decisive()) {
                m.application = before.settled(
                        a.outcome(),
                        now,
                        a.outcome() == ApplicationStatus.GRANTED ? a.terms() : null,
                        a.outcome() == ApplicationStatus.REFUSED
                                ? List.of(a.vote().justification())
                                : List.of());
                count(a.outcome().name());
                if (a.outcome() == ApplicationStatus.GRANTED) {
                    checkGrant(m);
                    if (before.risk() == RiskLevel.HIGH) {
                        count("granted-HIGH");
                    }
                    if (before.escalated()) {
                        count("granted-escalated");
                    }
                }
            }
        }
        checkClosedUnchanged(before, beforeVotes, m);
        if (m.application.status() == ApplicationStatus.PENDING) {
            long approvals =
                    m.votes.stream().filter(v -> v.vote() == Vote.APPROVE).count();
            assertThat(m.votes)
                    .as("seed %d: a pending application holds no denial", SEED)
                    .noneMatch(v -> v.vote() == Vote.DENY);
            assertThat(approvals).isLessThanOrEqualTo(m.application.requiredVotes());
        }
    }

    private void checkGrant(Model m) {
        Application a = m.application;
        List<OfficerVote> approvals =
                m.votes.stream().filter(v -> v.vote() == Vote.APPROVE).toList();
        assertThat(m.blocking)
                .as("seed %d: granted while a blocking reason stands", SEED)
                .isEmpty();
        assertThat(approvals.stream().map(OfficerVote::officer).distinct().count())
                .as("seed %d: granted with fewer approvals than required", SEED)
                .isGreaterThanOrEqualTo(a.requiredVotes());
        if (a.risk() == RiskLevel.HIGH) {
            assertThat(a.requiredVotes()).isEqualTo(2);
            assertThat(approvals)
                    .as("seed %d: HIGH granted without a senior", SEED)
                    .anyMatch(OfficerVote::senior);
        }
        for (OfficerVote v : approvals) {
            ApplicationRules.Officer o = OFFICERS.stream()
                    .filter(x -> x.id().equals(v.officer()))
                    .findFirst()
                    .orElseThrow();
            assertThat(Applications.INSTITUTION.equals(o.institution())
                            || a.appliedBy().equals(o.id()))
                    .as("seed %d: %s of the applying institution approved", SEED, o.id())
                    .isFalse();
            assertThat(v.terms())
                    .as("seed %d: approvers agreed to different terms", SEED)
                    .isEqualTo(a.terms());
        }
        LicenceTerms t = a.terms();
        assertThat(t.validFrom()).isAfterOrEqualTo(a.validFrom());
        assertThat(t.validUntil()).isBeforeOrEqualTo(a.validUntil());
        assertThat(t.quotaBytes()).isNotNull().isLessThanOrEqualTo(a.quotaBytes());
        assertThat(t.quotaTransfers()).isNotNull().isLessThanOrEqualTo(a.quotaTransfers());
        if (a.escalated()) {
            assertThat(m.votes.get(m.votes.size() - 1).senior())
                    .as("seed %d: an escalated application decided by a non-senior", SEED)
                    .isTrue();
        }
    }

    private static void checkClosedUnchanged(Application before, int beforeVotes, Model m) {
        if (before.status().closed()) {
            assertThat(m.application)
                    .as("seed %d: a closed application changed", SEED)
                    .isEqualTo(before);
            assertThat(m.votes)
                    .as("seed %d: a closed application took a vote", SEED)
                    .hasSize(beforeVotes);
        }
    }

    /** Null (agree to the standing terms), the standing ones, as applied, narrower, or wider in one way. */
    private static LicenceTerms terms(Application a, Model m, Random random) {
        LicenceTerms standing = m.votes.stream()
                .filter(v -> v.vote() == Vote.APPROVE)
                .map(OfficerVote::terms)
                .findFirst()
                .orElse(null);
        LocalDate from = a.validFrom();
        LocalDate until = a.validUntil();
        return switch (random.nextInt(8)) {
            case 0, 1 -> null;
            case 2 -> standing;
            case 3 -> ApplicationRules.applied(a);
            case 4 ->
                new LicenceTerms(
                        from.plusDays(random.nextInt(30)),
                        until.minusDays(random.nextInt(30)),
                        1L + random.nextInt(a.quotaBytes().intValue()),
                        1L + random.nextInt(a.quotaTransfers().intValue()),
                        random.nextBoolean(),
                        30,
                        List.of());
            case 5 -> new LicenceTerms(from, until.plusDays(1 + random.nextInt(30)), 1L, 1L, false, null, List.of());
            case 6 -> new LicenceTerms(from.minusDays(1), until, 1L, 1L, false, null, List.of());
            default ->
                new LicenceTerms(
                        from,
                        until,
                        random.nextBoolean() ? a.quotaBytes() + 1 : null,
                        a.quotaTransfers(),
                        false,
                        null,
                        List.of());
        };
    }

    private void count(String outcome) {
        seen.merge(outcome, 1, Integer::sum);
    }
}
