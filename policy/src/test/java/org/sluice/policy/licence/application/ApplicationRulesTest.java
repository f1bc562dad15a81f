package org.sluice.policy.licence.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.policy.licence.application.Applications.pending;
import static org.sluice.policy.licence.application.Applications.reason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;

class ApplicationRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-05T10:00:00Z");
    private static final ApplicationRules.Officer REVIEWER = new ApplicationRules.Officer("r@eco", "eco", false);
    private static final ApplicationRules.Officer REVIEWER_2 = new ApplicationRules.Officer("r2@eco", "eco", false);
    private static final ApplicationRules.Officer SENIOR = new ApplicationRules.Officer("s@eco", "eco", true);
    private static final LicenceTerms NARROW = new LicenceTerms(
            LocalDate.parse("2027-02-01"), LocalDate.parse("2027-06-30"), 500L, 5L, true, 30, List.of("no onward"));

    @Test
    void riskIsHighForControlledCategoriesAndUnrecognisedDestinations() {
        List<String> high = List.of("HUMAN_INDIVIDUAL", "PATHOGEN_OF_CONCERN", "SYNTHETIC_CONSTRUCT");
        List<String> recognised = List.of("US", "CA");
        assertThat(ApplicationRules.risk(List.of(Category.NON_HUMAN), "US", high, recognised))
                .isEqualTo(RiskLevel.STANDARD);
        assertThat(ApplicationRules.risk(
                        List.of(Category.NON_HUMAN, Category.HUMAN_INDIVIDUAL), "US", high, recognised))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ApplicationRules.risk(List.of(Category.NON_HUMAN), "BR", high, recognised))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ApplicationRules.requiredVotes(RiskLevel.HIGH)).isEqualTo(2);
        assertThat(ApplicationRules.requiredVotes(RiskLevel.STANDARD)).isEqualTo(1);
    }

    @Test
    void aStandardApplicationIsGrantedByOneOfficerWithTheAppliedTermsWhenTheVoteStatesNone() {
        Application a = pending(RiskLevel.STANDARD);
        var v = accepted(ApplicationRules.cast(a, List.of(), REVIEWER, approve(null), List.of(), NOW));
        assertThat(v.outcome()).isEqualTo(ApplicationStatus.GRANTED);
        assertThat(v.terms()).isEqualTo(ApplicationRules.applied(a));
    }

    @Test
    void anOfficerOfTheApplyingInstitutionOrTheApplicantNeverVotes() {
        Application a = pending(RiskLevel.STANDARD);
        assertThat(refusal(a, List.of(), new ApplicationRules.Officer("x@i-rivm", "i-rivm", true), approve(null)))
                .isEqualTo("separation-of-duties");
        assertThat(refusal(a, List.of(), new ApplicationRules.Officer("alice@i-rivm", null, true), deny()))
                .isEqualTo("separation-of-duties");
    }

    @Test
    void aHighApplicationNeedsTwoOfficersOneSeniorAndTheFirstApprovalsTerms() {
        Application a = pending(RiskLevel.HIGH);
        var first = accepted(ApplicationRules.cast(a, List.of(), REVIEWER, approve(NARROW), List.of(), NOW));
        assertThat(first.outcome()).isEqualTo(ApplicationStatus.PENDING);
        List<OfficerVote> votes = List.of(first.vote());
        assertThat(refusal(a, votes, REVIEWER, approve(null))).isEqualTo("four-eyes");
        assertThat(refusal(a, votes, REVIEWER_2, approve(null))).isEqualTo("senior-reviewer-required");
        assertThat(refusal(a, votes, SENIOR, approve(ApplicationRules.applied(a))))
                .isEqualTo("terms-differ");
        var second = accepted(ApplicationRules.cast(a, votes, SENIOR, approve(null), List.of(), NOW));
        assertThat(second.outcome()).isEqualTo(ApplicationStatus.GRANTED);
        assertThat(second.terms()).isEqualTo(NARROW);
        assertThat(second.vote().terms()).isEqualTo(NARROW);
    }

    @Test
    void termsMayNarrowButNeverWidenTheApplication() {
        Application a = pending(RiskLevel.STANDARD);
        LicenceTerms longer = new LicenceTerms(
                LocalDate.parse("2027-01-01"), LocalDate.parse("2028-01-01"), 1000L, 10L, false, null, List.of());
        LicenceTerms earlier = new LicenceTerms(
                LocalDate.parse("2026-12-31"), LocalDate.parse("2027-12-31"), 1000L, 10L, false, null, List.of());
        LicenceTerms moreBytes = new LicenceTerms(
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), 1001L, 10L, false, null, List.of());
        LicenceTerms unlimited = new LicenceTerms(
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), 1000L, null, false, null, List.of());
        for (LicenceTerms wider : List.of(longer, earlier, moreBytes, unlimited)) {
            assertThat(refusal(a, List.of(), REVIEWER, approve(wider)))
                    .as("%s", wider)
                    .isEqualTo("terms-exceed-application");
        }
        assertThat(accepted(ApplicationRules.cast(a, List.of(), REVIEWER, approve(NARROW), List.of(), NOW))
                        .outcome())
                .isEqualTo(ApplicationStatus.GRANTED);
    }

    @Test
    void aBlockingReasonStopsEveryApprovalButNotARefusal() {
        Application a = pending(RiskLevel.STANDARD);
        List<Reason> embargo = List.of(reason("EMBARGOED_DESTINATION", OverrideClass.NONE));
        assertThat(ApplicationRules.cast(a, List.of(), SENIOR, approve(null), embargo, NOW))
                .isInstanceOfSatisfying(
                        ApplicationRules.Refused.class,
                        r -> assertThat(r.refusal().detail()).contains("EMBARGOED_DESTINATION"));
        assertThat(accepted(ApplicationRules.cast(a, List.of(), SENIOR, deny(), embargo, NOW))
                        .outcome())
                .isEqualTo(ApplicationStatus.REFUSED);
    }

    @Test
    void onlyHardStopsOtherThanTheLicenceReasonsBlock() {
        List<Reason> reasons = List.of(
                reason("LICENCE_INVALID", OverrideClass.FOUR_EYES),
                reason("LICENCE_REQUIRED", OverrideClass.FOUR_EYES),
                reason("DSA_REQUIRED", OverrideClass.FOUR_EYES),
                reason("PARTNER_KEY_EXPIRED", OverrideClass.NONE),
                reason("PARTNER_UNKNOWN", OverrideClass.NONE),
                reason("DENIED_PARTY", OverrideClass.NONE),
                reason("DENIED_PARTY", OverrideClass.NONE));
        assertThat(ApplicationRules.blocking(reasons, true).stream().map(Reason::code))
                .containsExactly("PARTNER_UNKNOWN", "DENIED_PARTY");
        assertThat(ApplicationRules.blocking(reasons, false).stream().map(Reason::code))
                .containsExactly("DENIED_PARTY");
    }

    @Test
    void anEscalatedApplicationIsDecidedOnlyByASenior() {
        Application a = pending(RiskLevel.STANDARD).escalatedUntil(NOW.plusSeconds(3600));
        assertThat(refusal(a, List.of(), REVIEWER, deny())).isEqualTo("senior-reviewer-required");
        assertThat(accepted(ApplicationRules.cast(a, List.of(), SENIOR, approve(null), List.of(), NOW))
                        .outcome())
                .isEqualTo(ApplicationStatus.GRANTED);
    }

    @Test
    void aClosedApplicationTakesNoVoteAndNoWithdrawal() {
        Application a = pending(RiskLevel.STANDARD).settled(ApplicationStatus.REFUSED, NOW, null, List.of("no"));
        assertThat(refusal(a, List.of(), SENIOR, approve(null))).isEqualTo("application-closed");
        assertThat(ApplicationRules.open(a))
                .get()
                .extracting(ApplicationRules.Refusal::status)
                .isEqualTo(409);
    }

    private static ApplicationRules.Ballot approve(LicenceTerms terms) {
        return new ApplicationRules.Ballot(Vote.APPROVE, "checked", terms);
    }

    private static ApplicationRules.Ballot deny() {
        return new ApplicationRules.Ballot(Vote.DENY, "no", null);
    }

    private static ApplicationRules.Accepted accepted(ApplicationRules.Verdict v) {
        assertThat(v).isInstanceOf(ApplicationRules.Accepted.class);
        return (ApplicationRules.Accepted) v;
    }

    private static String refusal(
            Application a, List<OfficerVote> votes, ApplicationRules.Officer o, ApplicationRules.Ballot b) {
        ApplicationRules.Verdict v = ApplicationRules.cast(a, votes, o, b, List.of(), NOW);
        assertThat(v).isInstanceOf(ApplicationRules.Refused.class);
        return ((ApplicationRules.Refused) v).refusal().slug();
    }
}
