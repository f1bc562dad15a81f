package org.sluice.gateway.review;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.sluice.events.decision.Outcome;

/**
 * An appeal as the gateway stores it.
 *
 * @param appealId the appeal
 * @param transferId the transfer
 * @param institutionId the submitting institution
 * @param filedBy the submitter who filed it
 * @param decisionId the denial appealed against
 * @param statement the submitter's statement
 * @param filedAt when it was filed
 * @param eventId the {@code AppealFiled} event
 * @param idempotencyKey the {@code Idempotency-Key} it was filed with, if any
 * @param requestSha256 hex SHA-256 of the canonical JSON of the transfer id and body it was filed with
 * @param outcome the appeal decision's outcome, once decided
 * @param outcomeDecisionId the appeal decision, once decided
 * @param decidedAt when it was decided
 */
public record AppealRecord(
        String appealId,
        String transferId,
        String institutionId,
        String filedBy,
        String decisionId,
        String statement,
        Instant filedAt,
        String eventId,
        @Nullable String idempotencyKey,
        String requestSha256,
        @Nullable Outcome outcome,
        @Nullable String outcomeDecisionId,
        @Nullable Instant decidedAt) {

    /** Whether no appeal decision has arrived yet. */
    public boolean open() {
        return outcome == null;
    }
}
