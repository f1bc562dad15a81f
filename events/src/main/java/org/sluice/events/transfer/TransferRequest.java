package org.sluice.events.transfer;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sluice.events.schema.SchemaField;

/**
 * A transfer request exactly as submitters send it to {@code POST /api/v1/transfers}: the contract every
 * module and fixture shares (see {@code docs/events/TransferRequest.schema.json}).
 *
 * @param dataset the dataset exported
 * @param purpose the declared use
 * @param destination the receiving partner
 * @param endUsers the people who will use the data
 * @param licenceIds the export licences the submitter declares (may be empty)
 * @param dsaId the data-sharing agreement cited, if any
 * @param ethicsApprovalId the ethics approval cited, if any
 * @param basis the declared legal basis
 * @param payload the declared size and digest of the payload
 */
public record TransferRequest(
        Dataset dataset,
        Purpose purpose,
        Destination destination,
        @SchemaField(minItems = 1, maxItems = 100) List<EndUser> endUsers,

        @SchemaField(itemPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", maxItems = 20)
        List<String> licenceIds,

        @Nullable @SchemaField(pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
        String dsaId,

        @Nullable @SchemaField(minLength = 1, maxLength = 128)
        String ethicsApprovalId,

        Basis basis,
        PayloadDeclaration payload) {

    public TransferRequest {
        endUsers = endUsers == null ? List.of() : List.copyOf(endUsers);
        licenceIds = licenceIds == null ? List.of() : List.copyOf(licenceIds);
    }

    /**
     * Every country the transfer concerns: the destination, then each end user's country, without
     * repeats. (The partner's registered country equals the destination's; the gateway enforces that.)
     */
    public List<String> countriesConcerned() {
        Set<String> countries = new LinkedHashSet<>();
        countries.add(destination.country());
        for (EndUser u : endUsers) {
            countries.add(u.country());
        }
        return new ArrayList<>(countries);
    }
}
