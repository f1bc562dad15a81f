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

    /**
     * The review cases opened for a transfer ({@code ReviewOpened} entries) that the log holds now, wherever
     * they stand in it (the review topic is not ordered with the decided topic), oldest first.
     */
    List<CaseOpened> casesOpened(String transferId);

    /** The decisions ({@code TransferDecided} entries) of a transfer before an entry, oldest first. */
    List<PastDecision> decisionsOf(String transferId, long before);

    /**
     * A logged {@code ReviewOpened}.
     *
     * @param index its leaf index
     * @param reviewId the case
     * @param requiredVotes approving votes the case needs
     */
    record CaseOpened(long index, String reviewId, int requiredVotes) {}

    /**
     * A logged {@code TransferDecided}.
     *
     * @param index its leaf index
     * @param decisionId the decision
     * @param outcome its outcome
     * @param source who decided
     * @param reviewId the case it names, if any
     * @param deciders distinct approving people it names
     * @param requiredDeciders how many it said it needed (0 when it did not say)
     */
    record PastDecision(
            long index,
            String decisionId,
            String outcome,
            String source,
            String reviewId,
            int deciders,
            int requiredDeciders) {}
}
