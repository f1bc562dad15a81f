package org.sluice.gateway.transfer;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.transfer.Category;

/**
 * One line of the institution's transfer list: enough to find a transfer, its full status is one GET away.
 *
 * @param id the transfer id
 * @param state the current state
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @param datasetId the dataset's id
 * @param datasetTitle the dataset's title
 * @param category the dataset's category
 * @param partnerId the destination partner
 * @param country the destination country
 * @param outcome the latest decision's outcome, or null before a decision
 * @param codes the latest decision's reason codes (empty before a decision)
 */
public record TransferSummary(
        String id,
        TransferState state,
        Instant createdAt,
        Instant updatedAt,
        String datasetId,
        String datasetTitle,
        Category category,
        String partnerId,
        String country,
        @Nullable Outcome outcome,
        List<String> codes) {

    static TransferSummary of(TransferRecord t) {
        return new TransferSummary(
                t.id(),
                t.state(),
                t.createdAt(),
                t.updatedAt(),
                t.request().dataset().id(),
                t.request().dataset().title(),
                t.request().dataset().category(),
                t.partnerId(),
                t.request().destination().country(),
                t.decision() == null ? null : t.decision().outcome(),
                t.decision() == null
                        ? List.of()
                        : t.decision().reasons().stream().map(Reason::code).toList());
    }
}
