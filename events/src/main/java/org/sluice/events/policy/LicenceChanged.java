package org.sluice.events.policy;

import java.time.LocalDate;
import org.sluice.events.EventData;

/**
 * An export licence was created, changed or revoked through the admin API.
 *
 * @param licenceId the licence
 * @param change what happened
 * @param type {@code INDIVIDUAL}, {@code GENERAL} or {@code PROVISIONAL}
 * @param status {@code ACTIVE} or {@code REVOKED}
 * @param holder the holding institution, {@code *} for general licences
 * @param validFrom first valid day
 * @param validUntil last valid day (the sunset of a provisional licence)
 */
public record LicenceChanged(
        String licenceId,
        ChangeKind change,
        String type,
        String status,
        String holder,
        LocalDate validFrom,
        LocalDate validUntil)
        implements EventData {
    @Override
    public String subject() {
        return licenceId;
    }
}
