package org.sluice.events.decision;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.sluice.events.EventData;
import org.sluice.events.transfer.Category;

/**
 * A decision on a transfer, by the engine or by reviewers. A later decision on the same transfer
 * supersedes an earlier one.
 *
 * @param transferId the transfer
 * @param decisionId unique id of this decision
 * @param institutionId the submitting institution
 * @param partnerId the destination partner
 * @param destinationCountry the destination country
 * @param category the data category
 * @param outcome the combined outcome
 * @param reasons every matched rule
 * @param conditions obligations attached to an approval
 * @param bundle the policy bundle used
 * @param source who decided
 * @param reviewId the review case that settled it, for review and appeal decisions
 * @param supersedes the decision this one replaces, if any
 * @param validUntil for approvals: the end of the approval's validity (unfetched packages expire then)
 * @param deciders the people whose approving votes (or clearing adjudications) made a decision by
 *     reviewers, in the order they acted; empty for the engine
 * @param requiredDeciders how many distinct eligible people the decision needed (the case's votes and
 *     the strongest override class among the reasons); 0 for an engine decision, null in events written
 *     before it was recorded
 */
public record TransferDecided(
        String transferId,
        String decisionId,
        String institutionId,
        String partnerId,
        String destinationCountry,
        Category category,
        Outcome outcome,
        List<Reason> reasons,
        List<Condition> conditions,
        BundleRef bundle,
        DecisionSource source,
        @Nullable String reviewId,
        @Nullable String supersedes,
        @Nullable Instant validUntil,
        List<String> deciders,
        @Nullable Integer requiredDeciders)
        implements EventData {

    public TransferDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        deciders = deciders == null ? List.of() : List.copyOf(deciders);
    }

    @Override
    public String subject() {
        return transferId;
    }

    /** The reasons no one may approve against (embargo, bulk to a country of concern, ...). */
    public List<Reason> hardStops() {
        return reasons.stream().filter(Reason::hardStop).toList();
    }

    /**
     * Whether this approval may be acted on: it is an approval, no hard-stop reason stands against it,
     * and it had at least the deciders it needed. The gateway seals nothing else; the audit consumer
     * alerts on any approval that fails it.
     */
    public boolean sealable() {
        return outcome.isApproval()
                && hardStops().isEmpty()
                && (requiredDeciders == null || deciders.stream().distinct().count() >= requiredDeciders);
    }

    /** The codes of the reasons, in order. */
    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
