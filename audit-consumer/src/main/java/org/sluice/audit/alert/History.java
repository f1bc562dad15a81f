package org.sluice.audit.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The earlier entries the windowed rules look back on; all answers stop at entry {@code upTo}. */
public interface History {

    /** Indices of DENY decisions for an institution since a time. */
    List<Long> denialsOfInstitution(String institution, Instant since, long upTo);

    /** Indices of DENY decisions of transfers a principal requested, since a time. */
    List<Long> denialsOfSubmitter(String submitter, Instant since, long upTo);

    /** Who requested a transfer (the actor of its TransferRequested, wherever it stands in the log). */
    Optional<String> submitterOf(String transferId);

    /** The index of the latest DENY decision of a transfer before an entry. */
    Optional<Long> earlierDenial(String transferId, long before);

    /** Indices of refused requests (AccessDenied) since a time. */
    List<Long> accessDenied(Instant since, long upTo);
}
