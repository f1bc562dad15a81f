package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sluice.events.licensing.LicenceTerms;

/**
 * A licence application as its institution sees it ({@code GET /api/v1/licence-applications/{id}}, docs/api/policy.md).
 *
 * @param applicationId the application
 * @param licenceId the licence it becomes when granted; transfers may cite it at once
 * @param status PENDING, GRANTED, REFUSED or WITHDRAWN
 * @param institutionId the applying institution
 * @param appliedBy who applied
 * @param partnerId the partner
 * @param destinationCountry the destination
 * @param categories the data categories
 * @param purpose the end use as applied for
 * @param quotaBytes bytes applied for
 * @param quotaTransfers transfers applied for
 * @param validFrom first day applied for
 * @param validUntil last day applied for
 * @param risk STANDARD or HIGH
 * @param requiredVotes officer approvals a grant needs
 * @param blockingReasons reasons that stand in the way of a grant today (as the rules give them)
 * @param appliedAt when it was filed
 * @param expectedBy when a decision is due
 * @param escalated whether it is past its service level and with senior officers
 * @param decidedAt when it was decided
 * @param timeTaken ISO-8601 duration, to the decision or to now while pending
 * @param late whether it was (or is being) decided after {@code expectedBy}
 * @param terms the granted terms
 * @param reasons why it was refused or withdrawn
 * @param waitingTransfers the institution's open transfers citing the licence id that are not approved
 */
record LicenceApplication(
        String applicationId,
        String licenceId,
        String status,
        String institutionId,
        String appliedBy,
        String partnerId,
        String destinationCountry,
        List<String> categories,
        Purpose purpose,
        Long quotaBytes,
        Long quotaTransfers,
        LocalDate validFrom,
        LocalDate validUntil,
        String risk,
        Integer requiredVotes,
        List<JsonNode> blockingReasons,
        Instant appliedAt,
        Instant expectedBy,
        boolean escalated,
        Instant decidedAt,
        String timeTaken,
        boolean late,
        LicenceTerms terms,
        List<String> reasons,
        List<String> waitingTransfers) {

    LicenceApplication {
        categories = categories == null ? List.of() : List.copyOf(categories);
        blockingReasons = blockingReasons == null ? List.of() : List.copyOf(blockingReasons);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        waitingTransfers = waitingTransfers == null ? List.of() : List.copyOf(waitingTransfers);
    }

    /**
     * The end use applied for.
     *
     * @param duo the DUO purpose code
     * @param disease the MONDO disease, if any
     * @param commercial whether the use is commercial
     * @param description what the data is for
     */
    record Purpose(String duo, String disease, Boolean commercial, String description) {}

    /**
     * A page of applications.
     *
     * @param items the applications, newest first
     * @param next the cursor of the next page, if there is one
     */
    record Page(List<LicenceApplication> items, String next) {
        Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
