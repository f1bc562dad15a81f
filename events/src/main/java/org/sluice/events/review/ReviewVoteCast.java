package org.sluice.events.review;

import java.util.List;
import org.sluice.events.EventData;
import org.sluice.events.decision.Condition;

/**
 * A reviewer (the event's actor) voted on a case.
 *
 * @param reviewId the case
 * @param transferId the transfer
 * @param vote approve or deny
 * @param justification the required written justification
 * @param conditions conditions the reviewer attaches to an approval
 * @param adjudications the reviewer's judgement on screening hits
 * @param overridesEngineDeny whether this approval overrides a denial by the engine (appeals)
 * @param decisive whether this vote settled the case
 */
public record ReviewVoteCast(
        String reviewId,
        String transferId,
        Vote vote,
        String justification,
        List<Condition> conditions,
        List<ScreeningAdjudication> adjudications,
        boolean overridesEngineDeny,
        boolean decisive)
        implements EventData {
    public ReviewVoteCast {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        adjudications = adjudications == null ? List.of() : List.copyOf(adjudications);
    }

    @Override
    public String subject() {
        return transferId;
    }
}
