package org.sluice.events.licensing;

import java.time.Instant;
import org.sluice.events.EventData;

/**
 * A licence application passed its expected decision date undecided and now needs a senior officer.
 *
 * @param applicationId the application
 * @param missedExpectedBy the date that passed
 * @param newExpectedBy the date the applicant is now given
 * @param escalatedToRole the role that now must decide
 */
public record LicenceApplicationEscalated(
        String applicationId, Instant missedExpectedBy, Instant newExpectedBy, String escalatedToRole)
        implements EventData {
    @Override
    public String subject() {
        return applicationId;
    }
}
