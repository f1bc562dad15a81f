package org.sluice.gateway.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.review.AppealView;
import org.sluice.gateway.review.ReviewView;
import org.sluice.gateway.sealing.PackageView;
import org.sluice.gateway.sealing.SealingRefusalView;

/**
 * A transfer as its submitter sees it ({@code GET /api/v1/transfers/{id}}).
 *
 * @param id the transfer
 * @param institutionId the submitting institution
 * @param state where it is now
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @param request the request as submitted
 * @param decision the latest decision, once there is one
 * @param history every state it went through, with the event that announced it
 * @param pkg the sealed package, once sealed
 * @param review the open review case while the transfer is IN_REVIEW: deadline and time in review
 * @param appeal the latest appeal, with its outcome once decided
 * @param sealingRefusal the latest approval the gateway refused to seal for (state REFUSED while it is the
 *     latest word on the transfer), with the hard-stop codes and deciders behind the refusal
 */
public record TransferView(
        String id,
        String institutionId,
        TransferState state,
        Instant createdAt,
        Instant updatedAt,
        TransferRequest request,
        @Nullable DecisionView decision,
        List<HistoryEntry> history,
        @JsonProperty("package") @Nullable PackageView pkg,
        @Nullable ReviewView review,
        @Nullable AppealView appeal,
        @Nullable SealingRefusalView sealingRefusal) {}
