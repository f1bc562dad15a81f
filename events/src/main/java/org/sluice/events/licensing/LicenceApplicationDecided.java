package org.sluice.events.licensing;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.EventData;

/**
 * A licence application was granted, refused or withdrawn. A grant is followed by the
 * {@code LicenceChanged} of the new licence, which re-decides the transfers that cite it.
 *
 * @param applicationId the application
 * @param outcome granted, refused or withdrawn
 * @param institutionId the applying institution (as in {@code LicenceApplied}, so the outcome is found by
 *     institution, partner and country like a transfer's decision)
 * @param partnerId the receiving partner, if one was named
 * @param destinationCountry the destination country
 * @param licenceId the licence granted, null otherwise
 * @param terms the terms granted, null otherwise
 * @param reasons the officers' reasons (refusal) or the applicant's (withdrawal)
 * @param appliedAt when the application was made; the turnaround is the event's time minus this
 * @param expectedBy the decision date the applicant was given (after any escalation)
 * @param late whether the decision came after the date first given
 */
public record LicenceApplicationDecided(
        String applicationId,
        ApplicationOutcome outcome,
        String institutionId,
        @Nullable String partnerId,
        String destinationCountry,
        @Nullable String licenceId,
        @Nullable LicenceTerms terms,
        List<String> reasons,
        Instant appliedAt,
        Instant expectedBy,
        boolean late)
        implements EventData {
    public LicenceApplicationDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String subject() {
        return applicationId;
    }
}
