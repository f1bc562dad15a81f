package org.sluice.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.TransferDecided;
import org.sluice.policy.World;
import org.sluice.policy.decision.DecisionService;
import org.sluice.policy.decision.RequestConsumer;
import org.sluice.policy.licence.LicenceRepository;
import org.sluice.policy.model.Action.Adjudicate;
import org.sluice.policy.model.Action.Appeal;
import org.sluice.policy.model.Action.PartnerChange;
import org.sluice.policy.model.Action.Submit;
import org.sluice.policy.model.Action.Vote;
import org.sluice.policy.partner.PartnerConsumer;

/**
 * Issue 11: a model-based test of review, appeal, adjudication, licence and partner changes and
 * re-evaluation. Random runs of steps by random people over a small world ({@link ModelWorld}) are played
 * against the running service (real broker, real database), and the invariants of {@link Oracle} are
 * checked after every step; at the end of each run every decision and vote must have been published once.
 * A failing run is shrunk to the fewest steps that still fail and reported as the Java of a regression test.
 *
 * <p>{@code -Dsluice.model.actions=N} sets the number of steps (10,000 by default), {@code
 * -Dsluice.model.seed=S} replays a seed, {@code -Dsluice.model.run-length=L} the steps per run.
 */
@QuarkusTest
class ReviewModelTest {

    private static final Logger LOG = Logger.getLogger(ReviewModelTest.class);

    private static final int ACTIONS = Integer.getInteger("sluice.model.actions", 10_000);
    private static final int RUN_LENGTH = Integer.getInteger("sluice.model.run-length", 100);
    private static final int SHRINK_REPLAYS = 150;

    // template indices of ModelWorld.TEMPLATES
    private static final int EMBARGO = 1;
    private static final int POSSIBLE_HIT = 5;
    // actor indices of ModelWorld.ACTORS
    private static final int REVIEWER = 0;
    private static final int REVIEWER_2 = 1;
    private static final int SENIOR = 2;
    private static final int SENIOR_2 = 3;

    @Inject
    RequestConsumer requests;

    @Inject
    PartnerConsumer partners;

    @Inject
    DecisionService decisions;

    @Inject
    LicenceRepository licences;

    private final PublishedEvents published = PublishedEvents.ofTestBroker();

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void randomRunsOfPeopleAndChangesKeepEveryInvariant() throws Exception {
        long seed = Long.getLong("sluice.model.seed", new Random().nextLong());
        Random random = new Random(seed);
        LOG.infof("model test: %d steps in runs of %d, seed %d", ACTIONS, RUN_LENGTH, seed);
        int played = 0;
        int runs = 0;
        while (played < ACTIONS) {
            List<Action> run = new ArrayList<>();
            for (int i = 0; i < Math.min(RUN_LENGTH, ACTIONS - played); i++) {
                run.add(Action.random(random));
            }
            List<String> broken = play(run);
            if (!broken.isEmpty()) {
                LOG.errorf("seed %d, run %d broke %s; shrinking %s", seed, runs, broken, run);
                List<Action> shrunk = shrink(run);
                throw new AssertionError("seed " + seed + ", run " + runs + " broke " + broken
                        + "\nshrunk to " + shrunk.size() + " steps, which break " + play(shrunk)
                        + "\nas a regression test: assertThat(play(List.of(\n        "
                        + shrunk.stream().map(Action::toString).collect(Collectors.joining(",\n        "))
                        + "))).isEmpty();");
            }
            played += run.size();
            runs++;
        }
        LOG.infof("model test: %d steps in %d runs kept every invariant (seed %d)", played, runs, seed);
    }

    // ---- the two paths of issue 11, and their neighbours, as named regressions

    @Test
    void anAppealOfAnEmbargoDenialIsNotApprovedWhateverTheVotes() throws Exception {
        Played p = played(List.of(
                new Submit(EMBARGO, 0, 0),
                new Appeal(0),
                new Vote(0, SENIOR, true, 0),
                new Vote(0, REVIEWER, true, 0),
                new Vote(0, SENIOR_2, true, 0)));
        assertThat(p.broken()).isEmpty();
        assertThat(p.summary())
                .singleElement()
                .asString()
                .startsWith("ENGINE DENY")
                .contains("EMBARGOED_DESTINATION");
    }

    @Test
    void aLoneReviewerClearingTheHitDoesNotSettleAFourEyesCase() throws Exception {
        Played p = played(List.of(
                new Submit(POSSIBLE_HIT, 0, 1),
                new Vote(0, REVIEWER, true, 0),
                new Adjudicate(0, REVIEWER, false),
                new Adjudicate(0, REVIEWER_2, false)));
        assertThat(p.broken()).isEmpty();
        assertThat(p.summary())
                .singleElement()
                .asString()
                .startsWith("ENGINE REVIEW")
                .contains("POSSIBLE_DENIED_PARTY");
    }

    @Test
    void aVoteCarryingTheVerdictIsOneSignatureAndOneVote() throws Exception {
        Played p = played(List.of(
                new Submit(POSSIBLE_HIT, 0, 1),
                new Vote(0, REVIEWER, true, 1),
                new Vote(0, REVIEWER_2, true, 1),
                new Vote(0, SENIOR, true, 0)));
        assertThat(p.broken()).isEmpty();
        // the two ordinary reviewers' votes do not settle it; the senior's completes the four eyes
        assertThat(p.summary()).first().asString().startsWith("ENGINE REVIEW");
        assertThat(p.summary()).last().asString().startsWith("REVIEW APPROVE");
    }

    @Test
    void aPartnerMovingToAnEmbargoedCountryStopsTheApprovalUnderReview() throws Exception {
        Played p = played(List.of(
                new Submit(POSSIBLE_HIT, 0, 1),
                new Vote(0, SENIOR, true, 0),
                new PartnerChange(0, 0),
                new Vote(0, REVIEWER, true, 0),
                new Appeal(0),
                new Vote(0, SENIOR_2, true, 0),
                new Vote(0, REVIEWER_2, true, 0)));
        assertThat(p.broken()).isEmpty();
        assertThat(p.summary())
                .last()
                .asString()
                .startsWith("REEVALUATION DENY")
                .contains("EMBARGOED_DESTINATION");
    }

    @Test
    void aConfirmedHitDeniesAndAnAppealCannotApproveIt() throws Exception {
        Played p = played(List.of(
                new Submit(POSSIBLE_HIT, 0, 1),
                new Adjudicate(0, SENIOR, true),
                new Appeal(0),
                new Vote(0, SENIOR_2, true, 0),
                new Vote(0, REVIEWER, true, 0)));
        assertThat(p.broken()).isEmpty();
        assertThat(p.summary())
                .last()
                .asString()
                .startsWith("REEVALUATION DENY")
                .contains("DENIED_PARTY");
    }

    // ---- playing and shrinking

    /** Plays the steps in a fresh run; the invariants broken, empty when all held. */
    private List<String> play(List<Action> steps) throws Exception {
        return played(steps).broken();
    }

    /**
     * What a run did.
     *
     * @param broken the invariants broken, empty when all held
     * @param decisions the decisions it made, in order
     */
    private record Played(List<String> broken, List<TransferDecided> decisions) {
        /** The decisions, as "SOURCE OUTCOME [codes]" lines. */
        List<String> summary() {
            return decisions.stream()
                    .map(d -> d.source() + " " + d.outcome() + " " + d.codes())
                    .toList();
        }
    }

    private Played played(List<Action> steps) throws Exception {
        List<String> broken = new ArrayList<>();
        ModelWorld.Stats stats;
        List<TransferDecided> made;
        try (ModelWorld world = new ModelWorld(requests, partners, decisions, licences, ModelWorld.newRunId())) {
            for (int i = 0; i < steps.size(); i++) {
                for (String b : world.play(steps.get(i))) {
                    broken.add("step " + i + " " + steps.get(i) + ": " + b);
                }
                if (!broken.isEmpty()) {
                    return new Played(broken, world.decisions());
                }
            }
            stats = world.stats();
            made = world.decisions();
        }
        broken.addAll(published.check(stats));
        return new Played(broken, made);
    }

    /** Whether the steps break an invariant again; a replay that cannot run counts as not reproducing. */
    private boolean stillFails(List<Action> steps) {
        try {
            return !play(steps).isEmpty();
        } catch (Exception | AssertionError e) {
            LOG.warnf("a shrinking replay failed to run: %s", e.toString());
            return false;
        }
    }

    /** The fewest steps of a failing run that still fail: drops chunks, halving their size, while it fails. */
    private List<Action> shrink(List<Action> failing) throws Exception {
        List<Action> current = failing;
        int replays = 0;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && replays < SHRINK_REPLAYS; chunk /= 2) {
            for (int from = 0; from < current.size() && replays < SHRINK_REPLAYS; ) {
                List<Action> candidate = new ArrayList<>(current.subList(0, from));
                candidate.addAll(current.subList(Math.min(current.size(), from + chunk), current.size()));
                replays++;
                if (!candidate.isEmpty() && stillFails(candidate)) {
                    current = candidate;
                } else {
                    from += chunk;
                }
            }
        }
        return current;
    }
}
