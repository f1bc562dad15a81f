package org.sluice.policy.review;

import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.Condition;
import org.sluice.events.review.ScreeningAdjudication;
import org.sluice.events.review.Vote;

/**
 * A vote on a case.
 *
 * @param reviewId the case
 * @param reviewer who voted
 * @param senior whether the reviewer voted as a senior reviewer
 * @param vote APPROVE or DENY
 * @param justification why
 * @param conditions conditions attached to an approval
 * @param adjudications judgements on screening hits
 * @param overridesEngineDeny an approval overriding the engine's denial
 * @param decisive whether it settled the case
 * @param castAt when
 */
public record CastVote(
        String reviewId,
        String reviewer,
        boolean senior,
        Vote vote,
        String justification,
        List<Condition> conditions,
        List<ScreeningAdjudication> adjudications,
        boolean overridesEngineDeny,
        boolean decisive,
        Instant castAt) {}
