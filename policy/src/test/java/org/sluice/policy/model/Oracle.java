package org.sluice.policy.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;

/**
 * The invariants of the model test as pure functions over what was observed, written from the issue's
 * rules rather than from the service's code, so the service cannot agree with itself by accident:
 *
 * <ol type="a">
 *   <li>no approval while the engine's reasons carry a hard stop, nor to a destination the model knows is
 *       embargoed, nor of a transfer naming a party the model knows was confirmed as denied;
 *   <li>an approval by people has at least the votes its case class requires (two with a senior for a high
 *       risk or a four-eyes reason), from distinct eligible people (never the submitter or its
 *       institution), and names them as its deciders; a re-evaluation never approves a transfer whose case
 *       was open;
 *   <li>every approval the gateway would seal ({@link TransferDecided#sealable()}) is one of these allowed
 *       approvals, and policy publishes no approval the gateway would refuse;
 *   <li>every decision and vote is published once (checked by {@link ReviewModelTest} on the topics).
 * </ol>
 */
final class Oracle {

    private Oracle() {}

    /** A person of the model world. */
    record Actor(String id, String institution, boolean reviewer, boolean senior) {}

    /**
     * A review case as stored when it was settled.
     *
     * @param risk STANDARD or HIGH
     * @param requiredVotes the votes the case said it needed
     * @param openedWith the reasons of the decision it was opened for
     */
    record Case(String reviewId, String risk, int requiredVotes, boolean seniorRequired, List<Reason> openedWith) {}

    /** A vote as stored. */
    record CastVote(String reviewer, boolean approve) {}

    /**
     * A decision with what the model knew when it appeared.
     *
     * @param previous the decision it superseded, null for the first
     * @param submittedBy the principal that submitted the transfer
     * @param institution the submitting institution
     * @param destinationEmbargoed whether the model's world had the destination in an embargoed country
     * @param confirmedParty whether the transfer names a party the model saw confirmed as denied
     * @param reviewCase the settled case behind a REVIEW or APPEAL decision, else null
     * @param votes the votes of that case
     */
    record Observed(
            TransferDecided decision,
            TransferDecided previous,
            String submittedBy,
            String institution,
            boolean destinationEmbargoed,
            boolean confirmedParty,
            Case reviewCase,
            List<CastVote> votes) {}

    /** What is wrong with the decision, empty when it keeps every invariant. */
    static List<String> violations(Observed o, Map<String, Actor> actors) {
        List<String> out = new ArrayList<>();
        TransferDecided d = o.decision();
        if (!d.outcome().isApproval()) {
            return out;
        }
        String what = d.source() + " approval " + d.decisionId() + " of " + d.transferId();
        // (a) hard stops
        List<String> hardStops =
                d.reasons().stream().filter(Reason::hardStop).map(Reason::code).toList();
        if (!hardStops.isEmpty()) {
            out.add("(a) " + what + " against hard stops " + hardStops);
        }
        if (o.destinationEmbargoed()) {
            out.add("(a) " + what + " to an embargoed destination");
        }
        if (o.confirmedParty()) {
            out.add("(a) " + what + " naming a confirmed denied party");
        }
        // (b) people
        if (d.source() == DecisionSource.REVIEW || d.source() == DecisionSource.APPEAL) {
            out.addAll(peopleViolations(o, actors, what));
        } else if (o.previous() != null && o.previous().outcome() == Outcome.REVIEW) {
            out.add("(b) " + what + " settled a transfer whose review case was open");
        }
        // (c) what the gateway would do with it
        if (!d.sealable()) {
            out.add("(c) " + what + " is published but the gateway would refuse to seal it: deciders " + d.deciders()
                    + " of " + d.requiredDeciders());
        }
        return out;
    }

    private static List<String> peopleViolations(Observed o, Map<String, Actor> actors, String what) {
        List<String> out = new ArrayList<>();
        TransferDecided d = o.decision();
        Case c = o.reviewCase();
        if (c == null) {
            out.add("(b) " + what + " names no settled case (" + d.reviewId() + ")");
            return out;
        }
        int needed = "HIGH".equals(c.risk()) ? 2 : 1;
        boolean seniorNeeded = "HIGH".equals(c.risk());
        for (List<Reason> reasons : List.of(c.openedWith(), d.reasons())) {
            OverrideClass strongest = OverrideClass.strongest(reasons);
            if (strongest == OverrideClass.FOUR_EYES) {
                needed = Math.max(needed, 2);
                seniorNeeded = true;
            }
        }
        needed = Math.max(needed, c.requiredVotes());
        seniorNeeded |= c.seniorRequired();
        Set<String> approvers = new HashSet<>();
        boolean senior = false;
        for (CastVote v : o.votes()) {
            if (!v.approve()) {
                continue;
            }
            approvers.add(v.reviewer());
            Actor a = actors.get(v.reviewer());
            if (a == null || !a.reviewer()) {
                out.add("(b) " + what + " counts a vote of " + v.reviewer() + ", who is not a reviewer");
                continue;
            }
            senior |= a.senior();
            if (a.id().equals(o.submittedBy()) || o.institution().equals(a.institution())) {
                out.add("(b) " + what + " counts a vote of " + a.id() + " of the submitting institution");
            }
        }
        if (approvers.size() < needed) {
            out.add("(b) " + what + " has " + approvers.size() + " approving vote(s) " + approvers + ", its " + c.risk()
                    + " case needs " + needed);
        }
        if (seniorNeeded && !senior) {
            out.add("(b) " + what + " has no senior among its approvers " + approvers);
        }
        if (!new HashSet<>(d.deciders()).equals(approvers)) {
            out.add("(b) " + what + " names deciders " + d.deciders() + " but was approved by " + approvers);
        }
        if (d.requiredDeciders() == null || d.requiredDeciders() < needed) {
            out.add("(b) " + what + " says it needed " + d.requiredDeciders() + " decider(s), the case needs "
                    + needed);
        }
        return out;
    }
}
