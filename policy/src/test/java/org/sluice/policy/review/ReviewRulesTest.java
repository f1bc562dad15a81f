package org.sluice.policy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;

/** The rules of review without a server: risk, who may take a case, when votes settle it. */
class ReviewRulesTest {

    private static final List<String> DUAL_USE = List.of("PATHOGEN_OF_CONCERN", "SYNTHETIC_CONSTRUCT");
    private static final List<String> CONCERN = List.of("CN", "IR", "RU");
    private static final List<String> CODES = List.of("POSSIBLE_DENIED_PARTY");

    private static final ReviewRules.Reviewer ANNA = new ReviewRules.Reviewer("anna@eco", "eco", false);
    private static final ReviewRules.Reviewer BOB = new ReviewRules.Reviewer("bob@eco", "eco", false);
    private static final ReviewRules.Reviewer SENIOR = new ReviewRules.Reviewer("sam@eco", "eco", true);

    @Test
    void controlledCategoriesCountriesOfConcernAndPossibleDeniedPartiesAreHighRisk() {
        assertThat(ReviewRules.risk("PATHOGEN_OF_CONCERN", "JP", List.of(), DUAL_USE, CONCERN, CODES))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ReviewRules.risk("NON_HUMAN", "CN", List.of(), DUAL_USE, CONCERN, CODES))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ReviewRules.risk(
                        "HUMAN_INDIVIDUAL", "US", List.of("POSSIBLE_DENIED_PARTY"), DUAL_USE, CONCERN, CODES))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ReviewRules.risk("NON_HUMAN", "SE", List.of("FIRST_TRANSFER_TO_PARTNER"), DUAL_USE, CONCERN, CODES))
                .isEqualTo(RiskLevel.STANDARD);
        assertThat(ReviewRules.requiredVotes(RiskLevel.HIGH)).isEqualTo(2);
        assertThat(ReviewRules.requiredVotes(RiskLevel.STANDARD)).isEqualTo(1);
    }

    @Test
    void separationOfDutiesComesBeforeEverythingElse() {
        ReviewCase c = aCase(RiskLevel.STANDARD, false, List.of());
        assertThat(ReviewRules.mayTake(c, List.of(), new ReviewRules.Reviewer("x@umcu", "i-umcu", true)))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(ReviewRules.mayTake(c, List.of(), new ReviewRules.Reviewer("submitter@i-umcu", "eco", true)))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("separation-of-duties"));
        assertThat(ReviewRules.mayTake(c, List.of(), ANNA)).isEmpty();
    }

    @Test
    void fourEyesNeedsADistinctSecondReviewerAndASeniorAmongTheApprovers() {
        ReviewCase c = aCase(RiskLevel.HIGH, false, List.of());
        List<CastVote> first = List.of(vote(ANNA, Vote.APPROVE));
        assertThat(ReviewRules.settles(c, first)).isEmpty();
        assertThat(ReviewRules.mayTake(c, first, ANNA))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(ReviewRules.mayTake(c, first, BOB))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("senior-reviewer-required"));
        assertThat(ReviewRules.mayTake(c, first, SENIOR)).isEmpty();
        assertThat(ReviewRules.settles(c, List.of(vote(ANNA, Vote.APPROVE), vote(SENIOR, Vote.APPROVE))))
                .contains(Vote.APPROVE);
        assertThat(ReviewRules.settles(c, List.of(vote(ANNA, Vote.APPROVE), vote(BOB, Vote.APPROVE))))
                .isEmpty();
        assertThat(ReviewRules.settles(c, List.of(vote(ANNA, Vote.DENY)))).contains(Vote.DENY);
    }

    @Test
    void escalatedCasesAndEarlierDecidersAreRefused() {
        assertThat(ReviewRules.mayTake(aCase(RiskLevel.STANDARD, true, List.of()), List.of(), ANNA))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(ReviewRules.mayTake(aCase(RiskLevel.STANDARD, true, List.of()), List.of(), SENIOR))
                .isEmpty();
        assertThat(ReviewRules.mayTake(aCase(RiskLevel.STANDARD, false, List.of("anna@eco")), List.of(), ANNA))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("earlier-reviewer"));
    }

    private static CastVote vote(ReviewRules.Reviewer r, Vote v) {
        return new CastVote(
                "rv-1", r.id(), r.senior(), v, "because", List.of(), List.of(), false, false, Instant.EPOCH);
    }

    private static ReviewCase aCase(RiskLevel risk, boolean escalated, List<String> excluded) {
        return new ReviewCase(
                "rv-1",
                "tr-1",
                excluded.isEmpty() ? ReviewKind.DECISION : ReviewKind.APPEAL,
                "d-1",
                DecisionSource.ENGINE,
                excluded.isEmpty() ? Outcome.REVIEW : Outcome.DENY,
                null,
                null,
                "i-umcu",
                "submitter@i-umcu",
                "p-broad",
                "US",
                "HUMAN_INDIVIDUAL",
                List.of(),
                risk,
                ReviewRules.requiredVotes(risk),
                risk == RiskLevel.HIGH,
                escalated,
                excluded,
                ReviewCase.OPEN,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null);
    }
}
