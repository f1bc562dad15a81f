package org.sluice.policy.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;

/**
 * Who may approve a transfer, as pure functions: the one place policy checks authority before any
 * approval is stored or published, whether the engine, reviewers, an appeal, a re-evaluation or the
 * adjudicators of a screening hit make it. The requirement comes from the strongest {@link OverrideClass}
 * among the engine's reasons evaluated at that moment and the votes the case's risk needs; the people
 * must be distinct and eligible (neither the submitter nor of the submitting institution).
 */
public final class DecisionAuthority {

    private DecisionAuthority() {}

    /**
     * A person taking part in a decision.
     *
     * @param id the principal id
     * @param institution the home institution, null when the token binds none
     * @param senior whether the principal holds the senior-reviewer role
     */
    public record Decider(String id, String institution, boolean senior) {}

    /**
     * Who may never decide a transfer: its submitter and the members of the submitting institution.
     *
     * @param transferId the transfer
     * @param institutionId the submitting institution
     * @param submittedBy the submitting principal, null when unknown
     */
    public record Parties(String transferId, String institutionId, String submittedBy) {}

    /**
     * Why an approval (or a person's part in it) is refused.
     *
     * @param status the HTTP status (403: never this person; 409: not with these reasons or people)
     * @param slug the problem type
     * @param title the problem title
     * @param detail what was refused and why, naming the codes or people
     */
    public record Refusal(int status, String slug, String title, String detail) {}

    /**
     * What an approval needs at this moment.
     *
     * @param override the strongest class among the reasons
     * @param approvers distinct eligible approving people needed (the max of the case's votes and the
     *     class's approvers); meaningless when the class is NONE
     * @param senior whether a senior reviewer must be among them
     * @param hardStops the codes no one may approve against, in order
     */
    public record Requirement(OverrideClass override, int approvers, boolean senior, List<String> hardStops) {
        public Requirement {
            hardStops = List.copyOf(hardStops);
        }

        /** Whether people may approve at all. */
        public boolean liftable() {
            return override.liftable();
        }

        /** Whether it asks more than a case that needs these votes (and a senior or not). */
        public boolean exceeds(int votes, boolean seniorNeeded) {
            return liftable() && (approvers > votes || (senior && !seniorNeeded));
        }
    }

    /**
     * The requirement for approving against these reasons in a case that needs {@code caseVotes} approving
     * votes (a senior among them when {@code caseSenior}). FOUR_EYES means at least two with a senior.
     */
    public static Requirement requirement(Collection<Reason> reasons, int caseVotes, boolean caseSenior) {
        OverrideClass strongest = OverrideClass.strongest(reasons);
        List<String> hardStops = new ArrayList<>(new LinkedHashSet<>(
                reasons.stream().filter(Reason::hardStop).map(Reason::code).toList()));
        int approvers = strongest.liftable() ? Math.max(caseVotes, strongest.approvers()) : Integer.MAX_VALUE;
        boolean senior = caseSenior || strongest == OverrideClass.FOUR_EYES;
        return new Requirement(strongest, approvers, senior, hardStops);
    }

    /**
     * Whether the person may take part in deciding the transfer at all (403 separation-of-duties when the
     * person submitted it or belongs to the submitting institution); empty when allowed.
     */
    public static Optional<Refusal> separationOfDuties(Parties p, Decider d) {
        if (d.id().equals(p.submittedBy())) {
            return Optional.of(new Refusal(
                    403,
                    "separation-of-duties",
                    "Separation of duties",
                    d.id() + " submitted transfer " + p.transferId() + " and may not decide it"));
        }
        if (d.institution() != null && d.institution().equals(p.institutionId())) {
            return Optional.of(new Refusal(
                    403,
                    "separation-of-duties",
                    "Separation of duties",
                    d.id() + " belongs to " + p.institutionId()
                            + ", the submitting institution, and may not decide its transfer"));
        }
        return Optional.empty();
    }

    /**
     * Whether these people may approve the transfer against the requirement; empty when they may.
     * NONE is refused whatever the votes (409 {@code override-not-allowed}); an ineligible person is
     * refused (403 {@code separation-of-duties}); too few distinct people, or no senior where one is
     * needed, is refused (409 {@code four-eyes}).
     *
     * @param approvers the approving people, in the order they acted (duplicates count once)
     */
    public static Optional<Refusal> mayApprove(Requirement req, Parties p, List<Decider> approvers) {
        if (!req.liftable()) {
            return Optional.of(overrideNotAllowed(p.transferId(), req.hardStops()));
        }
        for (Decider d : approvers) {
            Optional<Refusal> sod = separationOfDuties(p, d);
            if (sod.isPresent()) {
                return sod;
            }
        }
        Set<String> distinct = new LinkedHashSet<>();
        approvers.forEach(d -> distinct.add(d.id()));
        if (distinct.size() < req.approvers()) {
            return Optional.of(new Refusal(
                    409,
                    "four-eyes",
                    "Not enough approvers",
                    "approving transfer " + p.transferId() + " against " + req.override() + " reasons needs "
                            + req.approvers() + " distinct eligible approver(s)"
                            + (req.senior() ? ", a senior among them" : "")
                            + "; it has " + distinct.size() + " " + distinct));
        }
        if (req.senior() && approvers.stream().noneMatch(Decider::senior)) {
            return Optional.of(new Refusal(
                    409,
                    "four-eyes",
                    "Senior approver missing",
                    "approving transfer " + p.transferId() + " needs a senior reviewer among its approvers "
                            + distinct));
        }
        return Optional.empty();
    }

    /**
     * Whether the engine may approve on these reasons by itself: never against a hard stop (a bundle
     * that gives an approving rule the class NONE). Empty when it may.
     */
    public static Optional<Refusal> mayApproveByEngine(String transferId, Collection<Reason> reasons) {
        Requirement req = requirement(reasons, 0, false);
        return req.liftable() ? Optional.empty() : Optional.of(overrideNotAllowed(transferId, req.hardStops()));
    }

    private static Refusal overrideNotAllowed(String transferId, List<String> hardStops) {
        return new Refusal(
                409,
                "override-not-allowed",
                "Override not allowed",
                "transfer " + transferId + " cannot be approved by anyone while " + String.join(", ", hardStops)
                        + (hardStops.size() == 1 ? " stands" : " stand")
                        + " against it; only corrected facts that remove the reason can change the decision");
    }
}
