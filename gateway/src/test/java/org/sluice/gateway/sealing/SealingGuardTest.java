package org.sluice.gateway.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.gateway.GatewayApi;

class SealingGuardTest {

    @Test
    void anOrdinaryApprovalAndEveryNonApprovalPass() {
        assertThat(SealingGuard.check(decision(Outcome.APPROVE, List.of(), 0, "GENERAL_LICENCE")))
                .isEmpty();
        assertThat(SealingGuard.check(decision(Outcome.DENY, List.of(), 0, "EMBARGOED_DESTINATION")))
                .isEmpty();
        assertThat(SealingGuard.check(decision(Outcome.REVIEW, List.of(), 2, "POSSIBLE_DENIED_PARTY")))
                .isEmpty();
        assertThat(SealingGuard.check(decision(Outcome.APPROVE, List.of("a", "b"), 2, "DSA_REQUIRED")))
                .isEmpty();
        // an event from before requiredDeciders was recorded is judged on its reasons only
        assertThat(SealingGuard.check(decision(Outcome.APPROVE, List.of(), null, "GENERAL_LICENCE")))
                .isEmpty();
    }

    @Test
    void aHardStopIsRefusedNamingItsCodes() {
        var refusal = SealingGuard.check(decision(
                        Outcome.APPROVE_WITH_CONDITIONS, List.of(), 0, "EMBARGOED_DESTINATION", "GENERAL_LICENCE"))
                .orElseThrow();
        assertThat(refusal.causes()).containsExactly(SealingGuard.HARD_STOP);
        assertThat(refusal.codes()).containsExactly("EMBARGOED_DESTINATION");
        assertThat(refusal.reason()).contains("EMBARGOED_DESTINATION");
    }

    @Test
    void aReasonWithoutAClassIsAHardStop() {
        TransferDecided d = decision(Outcome.APPROVE, List.of(), 0);
        TransferDecided unclassed = withReasons(
                d, List.of(new Reason("GENERAL_LICENCE", "r", "t", Outcome.APPROVE, "c", "e", "m", List.of(), null)));
        assertThat(SealingGuard.check(unclassed).orElseThrow().codes()).containsExactly("GENERAL_LICENCE");
    }

    @Test
    void tooFewDistinctDecidersAreRefusedAndBothCausesAreNamed() {
        var shortOne = SealingGuard.check(decision(Outcome.APPROVE, List.of("a", "a"), 2, "POSSIBLE_DENIED_PARTY"))
                .orElseThrow();
        assertThat(shortOne.causes()).containsExactly(SealingGuard.TOO_FEW_DECIDERS);
        assertThat(shortOne.codes()).isEmpty();
        assertThat(shortOne.deciders()).isEqualTo(1);
        assertThat(shortOne.requiredDeciders()).isEqualTo(2);
        var both = SealingGuard.check(decision(Outcome.APPROVE, List.of("a"), 2, "DENIED_PARTY"))
                .orElseThrow();
        assertThat(both.cause()).isEqualTo("hard-stop+too-few-deciders");
    }

    private static TransferDecided decision(Outcome outcome, List<String> deciders, Integer required, String... codes) {
        TransferDecided d = GatewayApi.decision("tr-1", "p-charite", "DE", outcome, codes);
        return new TransferDecided(
                d.transferId(),
                d.decisionId(),
                d.institutionId(),
                d.partnerId(),
                d.destinationCountry(),
                d.category(),
                d.outcome(),
                d.reasons(),
                d.conditions(),
                d.bundle(),
                DecisionSource.REVIEW,
                "rv-1",
                null,
                d.validUntil(),
                deciders,
                required);
    }

    private static TransferDecided withReasons(TransferDecided d, List<Reason> reasons) {
        return new TransferDecided(
                d.transferId(),
                d.decisionId(),
                d.institutionId(),
                d.partnerId(),
                d.destinationCountry(),
                d.category(),
                d.outcome(),
                reasons,
                d.conditions(),
                d.bundle(),
                d.source(),
                d.reviewId(),
                d.supersedes(),
                d.validUntil(),
                d.deciders(),
                d.requiredDeciders());
    }
}
