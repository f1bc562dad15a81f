package org.sluice.events.delivery;

import org.sluice.events.EventData;

/**
 * A partner (the event's actor) asked for a package addressed to another partner. The request was
 * answered 404; this event lets the security rules see it.
 *
 * @param transferId the transfer of the package
 * @param packageId the package
 * @param addresseePartnerId the partner the package is addressed to
 * @param requestingPartnerId the partner who asked
 */
public record PackageAccessDenied(
        String transferId, String packageId, String addresseePartnerId, String requestingPartnerId)
        implements EventData {
    @Override
    public String subject() {
        return transferId;
    }
}
