package org.sluice.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;

/** Who may approve what, without a server: the one check every approval passes. */
class DecisionAuthorityTest {

    private static final DecisionAuthority.Parties TRANSFER =
            new DecisionAuthority.Parties("tr-1", "i-umcu", "submitter@i-umcu");
    private static final DecisionAuthority.Decider ANNA = new DecisionAuthority.Decider("anna@eco", "eco", false);
    private static final DecisionAuthority.Decider BOB = new DecisionAuthority.Decider("bob@eco", "eco", false);
    private static final DecisionAuthority.Decider SAM = new DecisionAuthority.Decider("sam@eco", "eco", true);

    @Test
    void aHardStopIsRefusedWhateverTheVotesAndTheRefusalNamesTheCodes() {
        List<Reason> tehran = List.of(
                reason("EMBARGOED_DESTINATION", OverrideClass.NONE),
                reason("COUNTRY_OF_CONCERN_BULK", OverrideClass.NONE),
                reason("LICENCE_REQUIRED", OverrideClass.FOUR_EYES));
        DecisionAuthority.Requirement req = DecisionAuthority.requirement(tehran, 2, true);

        assertThat(req.liftable()).isFalse();
        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(ANNA, SAM, BOB)))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.slug()).isEqualTo("override-not-allowed");
                    assertThat(r.detail()).contains("EMBARGOED_DESTINATION", "COUNTRY_OF_CONCERN_BULK");
                    assertThat(r.detail()).doesNotContain("LICENCE_REQUIRED");
                });
    }

    @Test
    void aReasonWithoutAClassIsAHardStop() {
        assertThat(DecisionAuthority.requirement(List.of(reason("LEGACY", null)), 1, false)
                        .liftable())
                .isFalse();
    }

    @Test
    void fourEyesNeedsTwoDistinctEligibleApproversWithASenior() {
        DecisionAuthority.Requirement req =
                DecisionAuthority.requirement(List.of(reason("CONSENT_MISMATCH", OverrideClass.FOUR_EYES)), 1, false);
        assertThat(req.approvers()).isEqualTo(2);
        assertThat(req.senior()).isTrue();

        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(SAM)))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("four-eyes"));
        // the same person twice is one person
        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(SAM, SAM)))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("four-eyes"));
        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(ANNA, BOB)))
                .hasValueSatisfying(r -> {
                    assertThat(r.slug()).isEqualTo("four-eyes");
                    assertThat(r.detail()).contains("senior");
                });
        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(ANNA, SAM)))
                .isEmpty();
    }

    @Test
    void oneReviewerNeedsOneButTheCaseRiskCanAskForMore() {
        List<Reason> firstTransfer = List.of(
                reason("FIRST_TRANSFER_TO_PARTNER", OverrideClass.ONE_REVIEWER),
                reason("GENERAL_LICENCE", OverrideClass.ONE_REVIEWER));
        DecisionAuthority.Requirement standard = DecisionAuthority.requirement(firstTransfer, 1, false);
        assertThat(DecisionAuthority.mayApprove(standard, TRANSFER, List.of(ANNA)))
                .isEmpty();

        DecisionAuthority.Requirement highRisk = DecisionAuthority.requirement(firstTransfer, 2, true);
        assertThat(highRisk.approvers()).isEqualTo(2);
        assertThat(DecisionAuthority.mayApprove(highRisk, TRANSFER, List.of(ANNA)))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(highRisk.exceeds(1, false)).isTrue();
        assertThat(highRisk.exceeds(2, true)).isFalse();
    }

    @Test
    void theSubmitterAndItsInstitutionNeverCountAsApprovers() {
        DecisionAuthority.Requirement req = DecisionAuthority.requirement(
                List.of(reason("FIRST_TRANSFER_TO_PARTNER", OverrideClass.ONE_REVIEWER)), 1, false);
        DecisionAuthority.Decider colleague = new DecisionAuthority.Decider("k@umcu", "i-umcu", true);
        DecisionAuthority.Decider submitter = new DecisionAuthority.Decider("submitter@i-umcu", "eco", true);

        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(colleague)))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.slug()).isEqualTo("separation-of-duties");
                });
        assertThat(DecisionAuthority.mayApprove(req, TRANSFER, List.of(ANNA, submitter)))
                .hasValueSatisfying(r -> assertThat(r.slug()).isEqualTo("separation-of-duties"));
    }

    @Test
    void theEngineNeedsNoPeopleButNeverApprovesAgainstAHardStop() {
        assertThat(DecisionAuthority.mayApproveByEngine(
                        "tr-1", List.of(reason("DOMESTIC_EXEMPT", OverrideClass.ONE_REVIEWER))))
                .isEmpty();
        assertThat(DecisionAuthority.mayApproveByEngine("tr-1", List.of())).isEmpty();
        assertThat(DecisionAuthority.mayApproveByEngine(
                        "tr-1",
                        List.of(
                                reason("DOMESTIC_EXEMPT", OverrideClass.ONE_REVIEWER),
                                reason("ODD_APPROVING_HARD_STOP", OverrideClass.NONE))))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("ODD_APPROVING_HARD_STOP"));
    }

    private static Reason reason(String code, OverrideClass override) {
        return new Reason(
                code,
                "rule." + code.toLowerCase(java.util.Locale.ROOT),
                code,
                Outcome.DENY,
                "",
                "",
                "",
                List.of(),
                override);
    }
}
