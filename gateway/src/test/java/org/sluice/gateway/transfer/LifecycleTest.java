package org.sluice.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sluice.events.decision.Outcome;
import org.sluice.events.review.ReviewKind;

class LifecycleTest {

    @Test
    void decisionsMoveATransferUntilItIsSealed() {
        assertThat(Lifecycle.afterDecision(TransferState.STAGED, Outcome.APPROVE))
                .contains(TransferState.APPROVED);
        assertThat(Lifecycle.afterDecision(TransferState.STAGED, Outcome.APPROVE_WITH_CONDITIONS))
                .contains(TransferState.APPROVED);
        assertThat(Lifecycle.afterDecision(TransferState.STAGED, Outcome.REVIEW))
                .contains(TransferState.IN_REVIEW);
        assertThat(Lifecycle.afterDecision(TransferState.IN_REVIEW, Outcome.DENY))
                .contains(TransferState.DENIED);
        assertThat(Lifecycle.afterDecision(TransferState.DENIED, Outcome.APPROVE))
                .contains(TransferState.APPROVED);
        assertThat(Lifecycle.afterDecision(TransferState.APPROVED, Outcome.APPROVE))
                .contains(TransferState.APPROVED);
    }

    @Test
    void aRefusedTransferTakesTheNextDecisionAsUsualAndMayBeCancelled() {
        assertThat(Lifecycle.afterDecision(TransferState.REFUSED, Outcome.DENY)).contains(TransferState.DENIED);
        assertThat(Lifecycle.afterDecision(TransferState.REFUSED, Outcome.APPROVE))
                .contains(TransferState.APPROVED);
        assertThat(Lifecycle.afterDecision(TransferState.REFUSED, Outcome.REVIEW))
                .contains(TransferState.IN_REVIEW);
        assertThat(TransferState.REFUSED.cancellable()).isTrue();
        assertThat(TransferState.REFUSED.appealable()).isFalse();
        assertThat(TransferState.REFUSED.isFinal()).isFalse();
    }

    @Test
    void aDenialWithdrawsASealedPackageOnlyBeforeItIsFetched() {
        assertThat(Lifecycle.afterDecision(TransferState.SEALED, Outcome.DENY)).contains(TransferState.WITHDRAWN);
        assertThat(Lifecycle.afterDecision(TransferState.SEALED, Outcome.REVIEW))
                .isEmpty();
        assertThat(Lifecycle.afterDecision(TransferState.FETCHED, Outcome.DENY)).isEmpty();
    }

    @Test
    void decisionsOnTransfersNotAwaitingOneChangeNothing() {
        for (TransferState state : new TransferState[] {
            TransferState.RECEIVED,
            TransferState.SEALED,
            TransferState.FETCHED,
            TransferState.ACKNOWLEDGED,
            TransferState.CANCELLED,
            TransferState.EXPIRED
        }) {
            assertThat(Lifecycle.afterDecision(state, Outcome.APPROVE))
                    .as(state.name())
                    .isEmpty();
        }
    }

    @Test
    void onlyTransfersNotYetSealedCanBeCancelled() {
        assertThat(TransferState.STAGED.cancellable()).isTrue();
        assertThat(TransferState.DENIED.cancellable()).isTrue();
        assertThat(TransferState.SEALED.cancellable()).isFalse();
        assertThat(TransferState.CANCELLED.cancellable()).isFalse();
    }

    @Test
    void anAppealedTransferGoesIntoReviewAndItsDecisionMovesItOn() {
        assertThat(TransferState.DENIED.appealable()).isTrue();
        assertThat(TransferState.APPEALED.appealable()).isFalse();
        assertThat(TransferState.SEALED.appealable()).isFalse();
        assertThat(TransferState.APPEALED.cancellable()).isTrue();
        assertThat(Lifecycle.afterReviewOpened(TransferState.APPEALED, ReviewKind.APPEAL))
                .contains(TransferState.IN_REVIEW);
        assertThat(Lifecycle.afterReviewOpened(TransferState.IN_REVIEW, ReviewKind.APPEAL))
                .isEmpty();
        assertThat(Lifecycle.afterReviewOpened(TransferState.DENIED, ReviewKind.APPEAL))
                .isEmpty();
        assertThat(Lifecycle.afterReviewOpened(TransferState.SEALED, ReviewKind.APPEAL))
                .isEmpty();
        // a case for a REVIEW decision waits for that decision (and its reasons) to move the transfer
        assertThat(Lifecycle.afterReviewOpened(TransferState.STAGED, ReviewKind.DECISION))
                .isEmpty();
        // the appeal decision may arrive before the case is seen opening
        assertThat(Lifecycle.afterDecision(TransferState.APPEALED, Outcome.APPROVE))
                .contains(TransferState.APPROVED);
        assertThat(Lifecycle.afterDecision(TransferState.APPEALED, Outcome.DENY))
                .contains(TransferState.DENIED);
    }
}
