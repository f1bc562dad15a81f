package org.sluice.policy.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.ReasonCodes;
import org.sluice.events.decision.TransferDecided;
import org.sluice.policy.decision.DecisionAuthority;
import org.sluice.policy.decision.Decisions;
import org.sluice.policy.decision.Transfers;
import org.sluice.policy.screening.HitGates;

/**
 * The open review cases a possible screening hit holds up: those whose transfer's decision in force
 * cites a possible match with the entry. What clearing the hit needs is what approving the case needs.
 */
@ApplicationScoped
public class ReviewHitGates implements HitGates {

    private final ReviewRepository cases;
    private final Transfers transfers;
    private final Decisions decisions;

    public ReviewHitGates(ReviewRepository cases, Transfers transfers, Decisions decisions) {
        this.cases = cases;
        this.transfers = transfers;
        this.decisions = decisions;
    }

    @Override
    public List<Gate> gatedBy(String entryId) {
        List<Gate> out = new ArrayList<>();
        for (ReviewCase c : cases.openWithCode(ReasonCodes.POSSIBLE_DENIED_PARTY)) {
            String latest = transfers
                    .find(c.transferId())
                    .map(Transfers.Transfer::latestDecision)
                    .orElse(null);
            TransferDecided d = decisions
                    .find(latest == null ? c.decisionId() : latest)
                    .map(Decisions.Stored::decision)
                    .orElse(null);
            if (d == null) {
                continue;
            }
            List<Reason> possible = d.reasons().stream()
                    .filter(r -> r.code().equals(ReasonCodes.POSSIBLE_DENIED_PARTY))
                    .filter(r -> r.evidence().stream().anyMatch(e -> entryId.equals(e.id())))
                    .toList();
            if (possible.isEmpty()) {
                continue;
            }
            DecisionAuthority.Requirement req =
                    DecisionAuthority.requirement(d.reasons(), c.requiredVotes(), c.seniorRequired());
            if (!req.liftable()) {
                // a hard stop stays whatever the hit is; clearing the hit itself needs what the hit's class needs
                req = DecisionAuthority.requirement(possible, c.requiredVotes(), c.seniorRequired());
            }
            out.add(new Gate(c.reviewId(), ReviewRules.parties(c), c.excludedReviewers(), req));
        }
        return out;
    }
}
