package org.sluice.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.Category;

/** The model test's oracle catches each way an approval can be wrong (so the model test can fail). */
class OracleTest {

    private static final Map<String, Oracle.Actor> ACTORS =
            ModelWorld.ACTORS.stream().collect(Collectors.toMap(Oracle.Actor::id, Function.identity()));
    private static final Reason EMBARGO = reason("EMBARGOED_DESTINATION", Outcome.DENY, OverrideClass.NONE);
    private static final Reason HIT = reason("POSSIBLE_DENIED_PARTY", Outcome.REVIEW, OverrideClass.FOUR_EYES);
    private static final Reason FIRST = reason("FIRST_TRANSFER_TO_PARTNER", Outcome.REVIEW, OverrideClass.ONE_REVIEWER);
    private static final Oracle.Case HIGH = new Oracle.Case("rv-1", "HIGH", 2, true, List.of(HIT));
    private static final Oracle.Case STANDARD = new Oracle.Case("rv-1", "STANDARD", 1, false, List.of(FIRST));

    @Test
    void aFourEyesApprovalByTwoEligiblePeopleIncludingASeniorIsAllowed() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(HIT), List.of("m.ana@eco", "m.sara@eco"), 2);
        assertThat(Oracle.violations(byPeople(d, HIGH, votes("m.ana@eco", "m.sara@eco")), ACTORS))
                .isEmpty();
    }

    @Test
    void anApprovalAgainstAHardStopBreaksA() {
        TransferDecided d = approval(DecisionSource.APPEAL, List.of(EMBARGO), List.of("m.ana@eco", "m.sara@eco"), 2);
        assertThat(Oracle.violations(byPeople(d, HIGH, votes("m.ana@eco", "m.sara@eco")), ACTORS))
                .anyMatch(v -> v.startsWith("(a)") && v.contains("EMBARGOED_DESTINATION"));
    }

    @Test
    void anApprovalToWhereTheModelKnowsAnEmbargoBreaksAEvenWithoutTheReason() {
        TransferDecided d = approval(DecisionSource.ENGINE, List.of(), List.of(), 0);
        Oracle.Observed o = new Oracle.Observed(d, null, "submitter@i-umcu", "i-umcu", true, false, null, List.of());
        assertThat(Oracle.violations(o, ACTORS)).anyMatch(v -> v.contains("embargoed destination"));
    }

    @Test
    void oneVoteOnAHighRiskCaseBreaksB() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(HIT), List.of("m.sara@eco"), 2);
        assertThat(Oracle.violations(byPeople(d, HIGH, votes("m.sara@eco")), ACTORS))
                .anyMatch(v -> v.contains("needs 2"));
    }

    @Test
    void twoVotesWithoutASeniorBreakB() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(HIT), List.of("m.ana@eco", "m.ben@eco"), 2);
        assertThat(Oracle.violations(byPeople(d, HIGH, votes("m.ana@eco", "m.ben@eco")), ACTORS))
                .anyMatch(v -> v.contains("no senior"));
    }

    @Test
    void aVoteFromTheSubmittingInstitutionBreaksB() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(FIRST), List.of("m.sam@umcu"), 1);
        assertThat(Oracle.violations(byPeople(d, STANDARD, votes("m.sam@umcu")), ACTORS))
                .anyMatch(v -> v.contains("of the submitting institution"));
    }

    @Test
    void aFourEyesReasonRaisesAStandardCaseToTwoVotes() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(HIT), List.of("m.sara@eco"), 1);
        assertThat(Oracle.violations(byPeople(d, STANDARD, votes("m.sara@eco")), ACTORS))
                .anyMatch(v -> v.contains("needs 2"));
    }

    @Test
    void aReevaluationApprovingATransferUnderReviewBreaksB() {
        TransferDecided review = decision(Outcome.REVIEW, DecisionSource.ENGINE, List.of(HIT), List.of(), 0);
        TransferDecided d = approval(DecisionSource.REEVALUATION, List.of(), List.of(), 0);
        Oracle.Observed o = new Oracle.Observed(d, review, "submitter@i-umcu", "i-umcu", false, false, null, List.of());
        assertThat(Oracle.violations(o, ACTORS)).anyMatch(v -> v.contains("whose review case was open"));
    }

    @Test
    void deciderNamesThatAreNotTheVotersBreakBAndAShortfallTheGatewayWouldRefuseBreaksC() {
        TransferDecided d = approval(DecisionSource.REVIEW, List.of(HIT), List.of("m.sara@eco"), 2);
        assertThat(Oracle.violations(byPeople(d, HIGH, votes("m.ana@eco", "m.sara@eco")), ACTORS))
                .anyMatch(v -> v.startsWith("(b)") && v.contains("names deciders"))
                .anyMatch(v -> v.startsWith("(c)"));
    }

    // ---- helpers

    private static Oracle.Observed byPeople(TransferDecided d, Oracle.Case c, List<Oracle.CastVote> votes) {
        return new Oracle.Observed(d, null, "submitter@i-umcu", "i-umcu", false, false, c, votes);
    }

    private static List<Oracle.CastVote> votes(String... approvers) {
        return java.util.Arrays.stream(approvers)
                .map(a -> new Oracle.CastVote(a, true))
                .toList();
    }

    private static TransferDecided approval(
            DecisionSource source, List<Reason> reasons, List<String> deciders, int required) {
        return decision(Outcome.APPROVE, source, reasons, deciders, required);
    }

    private static TransferDecided decision(
            Outcome outcome, DecisionSource source, List<Reason> reasons, List<String> deciders, int required) {
        return new TransferDecided(
                "tr-1",
                "d-" + source + "-" + outcome,
                "i-umcu",
                "p-broad",
                "US",
                Category.HUMAN_AGGREGATE,
                outcome,
                reasons,
                List.of(),
                new BundleRef("default", "1", "sha256:00"),
                source,
                source.byReviewers() ? "rv-1" : null,
                null,
                outcome.isApproval() ? Instant.parse("2027-01-01T00:00:00Z") : null,
                deciders,
                required);
    }

    private static Reason reason(String code, Outcome effect, OverrideClass override) {
        return new Reason(code, "rule." + code, code, effect, "citation", "explanation", "remedy", List.of(), override);
    }
}
