package org.sluice.policy.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.policy.decision.DecisionAuthority;

/**
 * The rules of human review as pure functions: how risky a case is, who may take it, and when its votes
 * settle it. The service enforces them on every claim and vote; the page only mirrors them.
 */
public final class ReviewRules {

    private ReviewRules() {}

    /**
     * A principal acting on a case.
     *
     * @param id the principal id
     * @param institution the home institution, null when the token binds none
     * @param senior whether the principal holds the senior-reviewer role
     */
    public record Reviewer(String id, String institution, boolean senior) {}

    /**
     * Why a reviewer may not act on a case.
     *
     * @param status the HTTP status (403: never this person; 409: not in the case's current state)
     * @param slug the problem type
     * @param title the problem title
     * @param detail what was refused and why
     */
    public record Refusal(int status, String slug, String title, String detail) {}

    /**
     * HIGH when the data category is controlled, the destination is a country of concern, or a reason
     * code is one of the high-risk codes (a possible denied party); otherwise STANDARD.
     */
    public static RiskLevel risk(
            String category,
            String destinationCountry,
            Collection<String> codes,
            Collection<String> controlledCategories,
            Collection<String> countriesOfConcern,
            Collection<String> highRiskCodes) {
        boolean high = controlledCategories.contains(category)
                || countriesOfConcern.contains(destinationCountry)
                || codes.stream().anyMatch(highRiskCodes::contains);
        return high ? RiskLevel.HIGH : RiskLevel.STANDARD;
    }

    /** Approving votes a case of this risk needs. */
    public static int requiredVotes(RiskLevel risk) {
        return risk == RiskLevel.HIGH ? 2 : 1;
    }

    /**
     * Whether the reviewer may take (claim or vote on) the case given the votes cast so far; empty when
     * allowed. Separation of duties (403) comes first: the submitter and members of the submitting
     * institution never review. Then the case's state (409): earlier deciders of an appealed transfer,
     * and a reviewer who already voted on this case, may not (four-eyes needs two people). Last, the
     * senior requirement (403): an escalated case, or the vote that would complete a four-eyes approval
     * without a senior reviewer among the approvers.
     */
    public static Optional<Refusal> mayTake(ReviewCase c, List<CastVote> votes, Reviewer r) {
        Optional<DecisionAuthority.Refusal> sod = DecisionAuthority.separationOfDuties(parties(c), decider(r));
        if (sod.isPresent()) {
            DecisionAuthority.Refusal x = sod.get();
            return Optional.of(new Refusal(x.status(), x.slug(), x.title(), x.detail()));
        }
        if (c.excludedReviewers().contains(r.id())) {
            return Optional.of(new Refusal(
                    409,
                    "earlier-reviewer",
                    "Earlier reviewer",
                    r.id() + " decided transfer " + c.transferId()
                            + " before; the appeal must be decided by someone else"));
        }
        if (votes.stream().anyMatch(v -> v.reviewer().equals(r.id()))) {
            return Optional.of(new Refusal(
                    409,
                    "four-eyes",
                    "Second vote by the same reviewer",
                    r.id() + " already voted on case " + c.reviewId()
                            + "; a different reviewer must cast the next vote"));
        }
        if (!r.senior()) {
            if (c.escalated()) {
                return Optional.of(new Refusal(
                        403,
                        "senior-reviewer-required",
                        "Senior reviewer required",
                        "case " + c.reviewId() + " passed its deadline and was escalated to senior reviewers"));
            }
            List<CastVote> approvals =
                    votes.stream().filter(v -> v.vote() == Vote.APPROVE).toList();
            boolean completes = approvals.size() + 1 >= c.requiredVotes();
            if (c.seniorRequired() && completes && approvals.stream().noneMatch(CastVote::senior)) {
                return Optional.of(new Refusal(
                        403,
                        "senior-reviewer-required",
                        "Senior reviewer required",
                        "case " + c.reviewId() + " is high risk: one of its two reviewers must be a senior reviewer"));
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome the votes settle the case with, if they do: a denial settles at once (the conservative
     * answer needs no second pair of eyes); approvals settle once there are enough of them from distinct
     * reviewers, a senior among them when the case needs one.
     */
    public static Optional<Vote> settles(ReviewCase c, List<CastVote> votes) {
        if (votes.stream().anyMatch(v -> v.vote() == Vote.DENY)) {
            return Optional.of(Vote.DENY);
        }
        List<CastVote> approvals =
                votes.stream().filter(v -> v.vote() == Vote.APPROVE).toList();
        long distinct = approvals.stream().map(CastVote::reviewer).distinct().count();
        boolean senior = !c.seniorRequired() || approvals.stream().anyMatch(CastVote::senior);
        return distinct >= c.requiredVotes() && senior ? Optional.of(Vote.APPROVE) : Optional.empty();
    }

    /** Who may never decide the case's transfer. */
    public static DecisionAuthority.Parties parties(ReviewCase c) {
        return new DecisionAuthority.Parties(c.transferId(), c.institutionId(), c.submittedBy());
    }

    /** The reviewer as a decider. */
    public static DecisionAuthority.Decider decider(Reviewer r) {
        return new DecisionAuthority.Decider(r.id(), r.institution(), r.senior());
    }
}
