package org.sluice.policy.licence.application;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.decision.Reason;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;

/**
 * A licence application as the API answers it (docs/api/policy.md#licence-applications): what was
 * applied for, the votes, what blocks it today, its dates and the transfers waiting for it.
 *
 * @param applicationId the application
 * @param licenceId the id the licence has (or will have) once granted
 * @param status PENDING, GRANTED, REFUSED or WITHDRAWN
 * @param institutionId the applying institution
 * @param appliedBy who applied
 * @param partnerId the receiving partner, if named
 * @param destinationCountry the destination
 * @param categories the data categories
 * @param purpose the end use
 * @param endUsers the end users
 * @param quotaBytes bytes applied for
 * @param quotaTransfers transfers applied for
 * @param validFrom first day applied for
 * @param validUntil last day applied for
 * @param risk STANDARD or HIGH
 * @param requiredVotes approving votes a grant needs
 * @param votes the votes cast
 * @param blockingReasons hard stops the rules give today (while any stands it cannot be granted)
 * @param appliedAt when it was made
 * @param expectedBy the decision date now given
 * @param escalated whether it passed its date undecided
 * @param decidedAt when it was decided or withdrawn
 * @param timeTaken applied to decided, or to now while pending (an ISO-8601 duration)
 * @param late decided (or still pending) after the date first given
 * @param terms the terms granted
 * @param reasons the refusal's or the withdrawal's reasons
 * @param waitingTransfers the institution's open transfers citing the licence id that are not approved
 */
public record LicenceApplication(
        String applicationId,
        String licenceId,
        ApplicationStatus status,
        String institutionId,
        String appliedBy,
        @Nullable String partnerId,
        String destinationCountry,
        List<Category> categories,
        Purpose purpose,
        List<EndUser> endUsers,
        @Nullable Long quotaBytes,
        @Nullable Long quotaTransfers,
        LocalDate validFrom,
        LocalDate validUntil,
        RiskLevel risk,
        int requiredVotes,
        List<OfficerVote> votes,
        List<Reason> blockingReasons,
        Instant appliedAt,
        Instant expectedBy,
        boolean escalated,
        @Nullable Instant decidedAt,
        String timeTaken,
        boolean late,
        @Nullable LicenceTerms terms,
        List<String> reasons,
        List<String> waitingTransfers) {

    /** The view of a stored application at {@code now}. */
    public static LicenceApplication of(
            Application a, List<OfficerVote> votes, List<Reason> blocking, List<String> waiting, Instant now) {
        Instant end = a.decidedAt() == null ? now : a.decidedAt();
        return new LicenceApplication(
                a.applicationId(),
                a.licenceId(),
                a.status(),
                a.institutionId(),
                a.appliedBy(),
                a.partnerId(),
                a.destinationCountry(),
                a.categories(),
                a.purpose(),
                a.endUsers(),
                a.quotaBytes(),
                a.quotaTransfers(),
                a.validFrom(),
                a.validUntil(),
                a.risk(),
                a.requiredVotes(),
                List.copyOf(votes),
                List.copyOf(blocking),
                a.appliedAt(),
                a.expectedBy(),
                a.escalated(),
                a.decidedAt(),
                Duration.between(a.appliedAt(), end).toString(),
                end.isAfter(a.firstExpectedBy()),
                a.terms(),
                a.reasons(),
                List.copyOf(waiting));
    }
}
