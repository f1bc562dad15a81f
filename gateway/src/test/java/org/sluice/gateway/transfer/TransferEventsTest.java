package org.sluice.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sluice.events.review.ReviewKind;
import org.sluice.gateway.review.ReviewView;

class TransferEventsTest {

    @Test
    void changesStreamAsTheyAppearAndTheStreamEndsAfterAFinalState() {
        TransferRepository history = new TransferRepository(null) {
            private int polls;

            @Override
            public List<Sequenced> historyAfter(String id, long afterSeq) {
                polls++;
                if (polls == 1) {
                    return List.of(change(1, TransferState.RECEIVED), change(2, TransferState.STAGED));
                }
                if (polls == 3) {
                    assertThat(afterSeq).isEqualTo(2);
                    return List.of(change(9, TransferState.CANCELLED));
                }
                return List.of();
            }
        };

        List<TransferState> states = new TransferEvents(history, null)
                .follow("tr-1", 0)
                .map(item -> item.change().entry().state())
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(20));

        assertThat(states).containsExactly(TransferState.RECEIVED, TransferState.STAGED, TransferState.CANCELLED);
    }

    @Test
    void whileInReviewTheCaseIsStreamedOnceAndAgainWhenItsDeadlineMoves() {
        Instant opened = Instant.parse("2026-11-23T10:00:00Z");
        TransferRepository history = new TransferRepository(null) {
            private int polls;

            @Override
            public List<Sequenced> historyAfter(String id, long afterSeq) {
                polls++;
                return switch (polls) {
                    case 1 -> List.of(change(1, TransferState.STAGED), change(2, TransferState.IN_REVIEW));
                    case 5 -> List.of(change(3, TransferState.CANCELLED));
                    default -> List.of();
                };
            }

            @Override
            public Optional<TransferRecord> find(String id) {
                return Optional.of(new TransferRecord(
                        id, "i-umcu", "u", null, TransferState.IN_REVIEW, opened, opened, null, null));
            }
        };
        TransferStatus status = new TransferStatus(history, null, null, null, null) {
            private int asked;

            @Override
            public Optional<ReviewView> review(TransferRecord t) {
                asked++;
                Instant deadline = asked < 3 ? opened.plus(Duration.ofHours(48)) : opened.plus(Duration.ofHours(72));
                return Optional.of(
                        new ReviewView("rv-1", ReviewKind.DECISION, opened, deadline, asked >= 3, "PT" + asked + "H"));
            }
        };

        List<String> items = new TransferEvents(history, status)
                .follow("tr-1", 0)
                .map(item -> item.change() != null
                        ? item.change().entry().state().name()
                        : "review " + item.review().deadline() + " "
                                + item.review().escalated())
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(20));

        assertThat(items)
                .containsExactly(
                        "STAGED",
                        "IN_REVIEW",
                        "review 2026-11-25T10:00:00Z false",
                        "review 2026-11-26T10:00:00Z true",
                        "CANCELLED");
    }

    private static TransferRepository.Sequenced change(long seq, TransferState state) {
        return new TransferRepository.Sequenced(seq, new HistoryEntry(state, Instant.now(), null));
    }
}
