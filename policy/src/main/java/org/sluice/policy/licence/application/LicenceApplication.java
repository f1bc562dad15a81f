package org.sluice.policy.licence.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sluice.events.decision.Reason;

/**
 * A licence application as the API answers it (docs/api/policy.md#licence-applications): the stored
 * application, whose members are the answer's own (what was applied for, its risk, its dates and how it
 * ended), with the votes, what blocks it today, the time it took and the transfers waiting for it.
 *
 * @param application the application as stored, its members written in place (all but the date first given)
 * @param votes the votes cast
 * @param blockingReasons hard stops the rules give today (while any stands it cannot be granted)
 * @param timeTaken applied to decided, or to now while pending (an ISO-8601 duration)
 * @param late decided (or still pending) after the date first given
 * @param waitingTransfers the institution's open transfers citing the licence id that are not approved
 */
public record LicenceApplication(
        @JsonUnwrapped Application application,
        List<OfficerVote> votes,
        List<Reason> blockingReasons,
        String timeTaken,
        boolean late,
        List<String> waitingTransfers) {

    public LicenceApplication {
        votes = List.copyOf(votes);
        blockingReasons = List.copyOf(blockingReasons);
        waitingTransfers = List.copyOf(waitingTransfers);
    }

    /** The view of a stored application at {@code now}. */
    public static LicenceApplication of(
            Application a, List<OfficerVote> votes, List<Reason> blocking, List<String> waiting, Instant now) {
        Instant end = a.decidedAt() == null ? now : a.decidedAt();
        return new LicenceApplication(
                a, votes, blocking, Duration.between(a.appliedAt(), end).toString(), a.lateAt(end), waiting);
    }
}
