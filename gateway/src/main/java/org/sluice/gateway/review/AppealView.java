package org.sluice.gateway.review;

import jakarta.annotation.Nullable;
import java.time.Instant;
import org.sluice.events.decision.Outcome;

/**
 * A transfer's latest appeal, as its submitter sees it.
 *
 * @param appealId the appeal
 * @param decisionId the denial appealed against
 * @param statement the statement filed
 * @param filedAt when it was filed
 * @param outcome the appeal decision's outcome, once decided
 * @param outcomeDecisionId the appeal decision, once decided
 * @param decidedAt when it was decided
 */
public record AppealView(
        String appealId,
        String decisionId,
        String statement,
        Instant filedAt,
        @Nullable Outcome outcome,
        @Nullable String outcomeDecisionId,
        @Nullable Instant decidedAt) {

    /** The view of a stored appeal. */
    public static AppealView of(AppealRecord a) {
        return new AppealView(
                a.appealId(),
                a.decisionId(),
                a.statement(),
                a.filedAt(),
                a.outcome(),
                a.outcomeDecisionId(),
                a.decidedAt());
    }
}
