package org.sluice.gateway.sealing;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;

/**
 * The latest approval the gateway refused to seal for, as the status shows it ({@code sealingRefusal}).
 *
 * @param decisionId the approval refused
 * @param outcome its outcome (APPROVE or APPROVE_WITH_CONDITIONS)
 * @param source who made it
 * @param reviewId the case it named, if any
 * @param causes {@code hard-stop} and/or {@code too-few-deciders}
 * @param codes the hard-stop reason codes found on it
 * @param deciders distinct approving people it named
 * @param requiredDeciders how many it needed, when it said
 * @param reason one line for a human
 * @param refusedAt when the decision was made (and refused)
 * @param eventId the {@code SealingRefused} event published
 */
public record SealingRefusalView(
        String decisionId,
        Outcome outcome,
        DecisionSource source,
        @Nullable String reviewId,
        List<String> causes,
        List<String> codes,
        int deciders,
        @Nullable Integer requiredDeciders,
        String reason,
        Instant refusedAt,
        String eventId) {}
