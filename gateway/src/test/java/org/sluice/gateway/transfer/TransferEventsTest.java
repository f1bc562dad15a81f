package org.sluice.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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

        List<TransferState> states = new TransferEvents(history)
                .follow("tr-1", 0)
                .map(change -> change.entry().state())
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(20));

        assertThat(states).containsExactly(TransferState.RECEIVED, TransferState.STAGED, TransferState.CANCELLED);
    }

    private static TransferRepository.Sequenced change(long seq, TransferState state) {
        return new TransferRepository.Sequenced(seq, new HistoryEntry(state, Instant.now(), null));
    }
}
