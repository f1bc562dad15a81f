package org.sluice.events.licensing;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.EventData;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;

/**
 * An institution (the event's actor is the applicant) applied to the export-control office for an
 * individual licence.
 *
 * @param applicationId the application
 * @param licenceId the id the licence will have if granted; transfers may cite it at once and are
 *     re-decided when it is granted
 * @param institutionId the applying institution (its members may not decide the application)
 * @param partnerId the receiving partner, if one is known
 * @param destinationCountry the destination country
 * @param categories the data categories to be exported
 * @param purpose what the recipients will do with the data
 * @param endUsers the people who will use the data
 * @param quotaBytes the volume applied for, null for no stated limit
 * @param quotaTransfers the number of transfers applied for, null for no stated limit
 * @param validFrom the first day wanted
 * @param validUntil the last day wanted
 * @param risk the risk level, which decides how many officers must agree
 * @param requiredVotes granting votes needed (2 for four-eyes)
 * @param expectedBy when the applicant can expect a decision (the service level of the risk level)
 */
public record LicenceApplied(
        String applicationId,
        String licenceId,
        String institutionId,
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
        Instant expectedBy)
        implements EventData {
    public LicenceApplied {
        categories = categories == null ? List.of() : List.copyOf(categories);
        endUsers = endUsers == null ? List.of() : List.copyOf(endUsers);
    }

    @Override
    public String subject() {
        return applicationId;
    }
}
