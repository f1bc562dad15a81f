package org.sluice.events.licensing;

import org.sluice.events.EventData;
import org.sluice.events.review.Vote;

/**
 * An export-control officer (the event's actor) voted on a licence application.
 *
 * @param applicationId the application
 * @param vote {@code APPROVE} to grant, {@code DENY} to refuse
 * @param justification the officer's written reasons
 * @param decisive whether this vote settled the application
 */
public record LicenceApplicationVoteCast(String applicationId, Vote vote, String justification, boolean decisive)
        implements EventData {
    @Override
    public String subject() {
        return applicationId;
    }
}
