package org.sluice.policy.licence.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;

/**
 * A licence application as stored: what was applied for, its risk, its dates and how it ended. The API's
 * {@link LicenceApplication} shows these members as its own.
 *
 * @param applicationId the application
 * @param licenceId the id the licence gets if granted
 * @param status where it stands
 * @param institutionId the applying institution
 * @param appliedBy the principal who applied
 * @param partnerId the receiving partner, if named
 * @param destinationCountry the destination
 * @param categories the data categories
 * @param purpose the end use
 * @param endUsers the people who will use the data
 * @param quotaBytes bytes applied for, null for no stated limit
 * @param quotaTransfers transfers applied for, null for no stated limit
 * @param validFrom first day applied for
 * @param validUntil last day applied for
 * @param risk the risk level
 * @param requiredVotes approving votes a grant needs
 * @param appliedAt when it was made
 * @param firstExpectedBy the decision date first given (lateness is measured against it; the API shows only
 *     {@code late})
 * @param expectedBy the decision date now given (moved by escalation)
 * @param escalated whether it passed its date undecided (only a senior officer may then decide)
 * @param decidedAt when it was granted, refused or withdrawn
 * @param terms the terms granted
 * @param reasons the refusal's or the withdrawal's reasons
 */
public record Application(
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
        Instant appliedAt,
        @JsonIgnore Instant firstExpectedBy,
        Instant expectedBy,
        boolean escalated,
        @Nullable Instant decidedAt,
        @Nullable LicenceTerms terms,
        List<String> reasons) {

    public Application {
        categories = List.copyOf(categories);
        endUsers = List.copyOf(endUsers);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether a grant needs a senior officer among the approvers. */
    public boolean seniorRequired() {
        return risk == RiskLevel.HIGH;
    }

    /** Whether a decision at {@code at} is late: lateness is measured against the date first given. */
    public boolean lateAt(Instant at) {
        return at.isAfter(firstExpectedBy);
    }

    /** The same application, settled. */
    public Application settled(ApplicationStatus outcome, Instant at, LicenceTerms granted, List<String> why) {
        return with(outcome, expectedBy, escalated, at, granted, why);
    }

    /** The same application, escalated with a new decision date. */
    public Application escalatedUntil(Instant newExpectedBy) {
        return with(status, newExpectedBy, true, decidedAt, terms, reasons);
    }

    /** The same application with what its life changes: the status, the date given, the outcome. */
    private Application with(
            ApplicationStatus newStatus,
            Instant newExpectedBy,
            boolean newEscalated,
            Instant newDecidedAt,
            LicenceTerms newTerms,
            List<String> newReasons) {
        return new Application(
                applicationId,
                licenceId,
                newStatus,
                institutionId,
                appliedBy,
                partnerId,
                destinationCountry,
                categories,
                purpose,
                endUsers,
                quotaBytes,
                quotaTransfers,
                validFrom,
                validUntil,
                risk,
                requiredVotes,
                appliedAt,
                firstExpectedBy,
                newExpectedBy,
                newEscalated,
                newDecidedAt,
                newTerms,
                newReasons);
    }
}
