package org.sluice.policy.licence.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.ReasonCodes;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.policy.decision.DecisionAuthority;
import org.sluice.policy.review.ReviewRules;

/**
 * The rules of deciding a licence application, as pure functions: its risk, who may vote, what an
 * approval may grant and when the votes settle it. The service applies {@link #cast} to every vote
 * inside the application's row lock; nothing else grants a licence from an application.
 */
public final class ApplicationRules {

    /**
     * Codes that never block an application: the licence reasons (the application is how they are
     * lifted) and the partner's delivery key, which concerns sealing a package, not the export.
     */
    static final Set<String> NOT_BLOCKING = Set.of(
            ReasonCodes.LICENCE_REQUIRED,
            ReasonCodes.LICENCE_INVALID,
            ReasonCodes.LICENCE_QUOTA_EXCEEDED,
            ReasonCodes.PARTNER_KEY_EXPIRED);

    private ApplicationRules() {}

    /**
     * An officer acting on an application.
     *
     * @param id the principal id
     * @param institution the home institution, null when the token binds none
     * @param senior whether the officer holds the senior-reviewer role
     */
    public record Officer(String id, String institution, boolean senior) {}

    /**
     * A vote as the officer casts it.
     *
     * @param vote APPROVE or DENY
     * @param justification why (required, validated at the edge)
     * @param terms the terms an approval grants; null to take the standing terms (or, for the first
     *     approval, what was applied for)
     */
    public record Ballot(Vote vote, String justification, LicenceTerms terms) {}

    /**
     * Why a vote or a withdrawal is refused.
     *
     * @param status the HTTP status (403: never this person; 409: not in this state)
     * @param slug the problem type
     * @param title the problem title
     * @param detail what was refused and why
     */
    public record Refusal(int status, String slug, String title, String detail) {}

    /** What a vote comes to. */
    public sealed interface Verdict {}

    /**
     * The vote may not be cast; nothing changes.
     *
     * @param refusal why
     */
    public record Refused(Refusal refusal) implements Verdict {}

    /**
     * The vote is recorded.
     *
     * @param vote the vote as recorded (an approval carries the standing terms)
     * @param outcome PENDING when the application stays open, else GRANTED or REFUSED
     * @param terms the terms that stand after this vote (null while no one approved)
     */
    public record Accepted(OfficerVote vote, ApplicationStatus outcome, LicenceTerms terms) implements Verdict {
        /** Whether this vote settled the application. */
        public boolean decisive() {
            return outcome != ApplicationStatus.PENDING;
        }
    }

    /**
     * HIGH when any category is one of {@code highRiskCategories} or the destination is not one of the
     * {@code recognisedDestinations} (the bundle's mutual-recognition group); otherwise STANDARD.
     */
    public static RiskLevel risk(
            Collection<Category> categories,
            String destinationCountry,
            Collection<String> highRiskCategories,
            Collection<String> recognisedDestinations) {
        boolean high = categories.stream().map(Category::name).anyMatch(highRiskCategories::contains)
                || !recognisedDestinations.contains(destinationCountry);
        return high ? RiskLevel.HIGH : RiskLevel.STANDARD;
    }

    /** Approving votes an application of this risk needs: the same four-eyes rule as review cases. */
    public static int requiredVotes(RiskLevel risk) {
        return ReviewRules.requiredVotes(risk);
    }

    /**
     * The reasons an evaluation gives that block the grant: every hard stop (override NONE) except the
     * licence reasons themselves and the partner's delivery key; a missing partner is not a reason when
     * the application names none.
     */
    public static List<Reason> blocking(Collection<Reason> reasons, boolean partnerNamed) {
        List<Reason> out = new ArrayList<>();
        for (Reason r : reasons) {
            if (!r.hardStop() || NOT_BLOCKING.contains(r.code())) {
                continue;
            }
            if (!partnerNamed && ReasonCodes.PARTNER_UNKNOWN.equals(r.code())) {
                continue;
            }
            if (out.stream()
                    .noneMatch(o -> o.code().equals(r.code()) && o.evidence().equals(r.evidence()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The terms of what was applied for, taken by a first approval that states none. */
    public static LicenceTerms applied(Application a) {
        return new LicenceTerms(
                a.validFrom(), a.validUntil(), a.quotaBytes(), a.quotaTransfers(), false, null, List.of());
    }

    /**
     * Whether the terms stay within what was applied for: validity inside the applied dates, quotas not
     * above the applied ones (and not unlimited) where the application set them. Empty when they do.
     */
    public static Optional<Refusal> within(Application a, LicenceTerms t) {
        List<String> wider = new ArrayList<>();
        if (t.validFrom().isBefore(a.validFrom())) {
            wider.add("validFrom " + t.validFrom() + " is before " + a.validFrom());
        }
        if (t.validUntil().isAfter(a.validUntil())) {
            wider.add("validUntil " + t.validUntil() + " is after " + a.validUntil());
        }
        if (a.quotaBytes() != null && (t.quotaBytes() == null || t.quotaBytes() > a.quotaBytes())) {
            wider.add("quotaBytes " + (t.quotaBytes() == null ? "unlimited" : t.quotaBytes()) + " exceeds "
                    + a.quotaBytes());
        }
        if (a.quotaTransfers() != null && (t.quotaTransfers() == null || t.quotaTransfers() > a.quotaTransfers())) {
            wider.add("quotaTransfers " + (t.quotaTransfers() == null ? "unlimited" : t.quotaTransfers()) + " exceeds "
                    + a.quotaTransfers());
        }
        if (wider.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                409,
                "terms-exceed-application",
                "Terms exceed the application",
                "terms may narrow, never widen, application " + a.applicationId() + ": " + String.join("; ", wider)));
    }

    /**
     * What the officer's vote comes to, given the votes cast so far and the blocking reasons the rules
     * give now. Checked in order: separation of duties (403, never this person), a closed application
     * (409), a second vote by the same officer (409 four-eyes), an escalated application without a senior
     * (403); then, for an approval: a blocking reason (409 override-not-allowed), terms wider than the
     * application (409) or other than the standing ones (409 terms-differ), and the completing approval
     * of a HIGH-risk application with no senior among the approvers (403). One denial refuses; approvals
     * grant once there are enough of them from distinct officers, a senior among them when HIGH.
     */
    public static Verdict cast(
            Application a, List<OfficerVote> votes, Officer o, Ballot b, List<Reason> blocking, Instant now) {
        Optional<Refusal> who = mayAct(a, votes, o);
        if (who.isPresent()) {
            return new Refused(who.get());
        }
        List<OfficerVote> approvals =
                votes.stream().filter(v -> v.vote() == Vote.APPROVE).toList();
        LicenceTerms standing = approvals.isEmpty() ? null : approvals.get(0).terms();
        if (b.vote() == Vote.DENY) {
            OfficerVote v = new OfficerVote(o.id(), o.senior(), Vote.DENY, b.justification(), null, now);
            return new Accepted(v, ApplicationStatus.REFUSED, standing);
        }
        if (!blocking.isEmpty()) {
            List<String> codes = blocking.stream().map(Reason::code).distinct().toList();
            return new Refused(new Refusal(
                    409,
                    "override-not-allowed",
                    "Override not allowed",
                    "application " + a.applicationId() + " cannot be granted by anyone while "
                            + String.join(", ", codes) + (codes.size() == 1 ? " stands" : " stand")
                            + " against its destination, partner or end users"));
        }
        LicenceTerms terms = b.terms() != null ? b.terms() : standing != null ? standing : applied(a);
        Optional<Refusal> wider = within(a, terms);
        if (wider.isPresent()) {
            return new Refused(wider.get());
        }
        if (standing != null && !standing.equals(terms)) {
            return new Refused(new Refusal(
                    409,
                    "terms-differ",
                    "Terms differ from the first approval",
                    "the first approval of application " + a.applicationId() + " set the terms " + standing
                            + "; a later approval agrees to them (or omits terms), it does not change them"));
        }
        boolean completes = approvals.size() + 1 >= a.requiredVotes();
        boolean seniorAmong = o.senior() || approvals.stream().anyMatch(OfficerVote::senior);
        if (a.seniorRequired() && completes && !seniorAmong) {
            return new Refused(new Refusal(
                    403,
                    "senior-reviewer-required",
                    "Senior reviewer required",
                    "application " + a.applicationId() + " is high risk: one of its " + a.requiredVotes()
                            + " approving officers must be a senior reviewer"));
        }
        OfficerVote v = new OfficerVote(o.id(), o.senior(), Vote.APPROVE, b.justification(), terms, now);
        List<OfficerVote> after = new ArrayList<>(approvals);
        after.add(v);
        return new Accepted(v, settles(a, after, blocking), terms);
    }

    /**
     * The status the approvals settle the application with: GRANTED once enough distinct officers
     * approved (a senior among them when HIGH) and nothing blocks it, else PENDING.
     */
    static ApplicationStatus settles(Application a, List<OfficerVote> approvals, List<Reason> blocking) {
        long distinct = approvals.stream().map(OfficerVote::officer).distinct().count();
        boolean senior = !a.seniorRequired() || approvals.stream().anyMatch(OfficerVote::senior);
        boolean sameTerms = approvals.stream()
                        .map(OfficerVote::terms)
                        .filter(Objects::nonNull)
                        .distinct()
                        .count()
                <= 1;
        return distinct >= a.requiredVotes() && senior && sameTerms && blocking.isEmpty()
                ? ApplicationStatus.GRANTED
                : ApplicationStatus.PENDING;
    }

    /**
     * Whether the officer may vote on the application at all; empty when allowed. Separation of duties
     * is the review rule ({@link DecisionAuthority#separationOfDuties}): the applicant and members of the
     * applying institution never decide.
     */
    public static Optional<Refusal> mayAct(Application a, List<OfficerVote> votes, Officer o) {
        if (DecisionAuthority.separationOfDuties(
                        new DecisionAuthority.Parties(a.applicationId(), a.institutionId(), a.appliedBy()),
                        new DecisionAuthority.Decider(o.id(), o.institution(), o.senior()))
                .isPresent()) {
            return Optional.of(new Refusal(
                    403,
                    "separation-of-duties",
                    "Separation of duties",
                    o.id() + " applied for, or belongs to " + a.institutionId()
                            + ", the applying institution of, application " + a.applicationId()
                            + " and may not decide it"));
        }
        Optional<Refusal> closed = open(a);
        if (closed.isPresent()) {
            return closed;
        }
        if (votes.stream().anyMatch(v -> v.officer().equals(o.id()))) {
            return Optional.of(new Refusal(
                    409,
                    "four-eyes",
                    "Second vote by the same officer",
                    o.id() + " already voted on application " + a.applicationId()
                            + "; a different officer must cast the next vote"));
        }
        if (a.escalated() && !o.senior()) {
            return Optional.of(new Refusal(
                    403,
                    "senior-reviewer-required",
                    "Senior reviewer required",
                    "application " + a.applicationId() + " passed its expected date and was escalated to senior"
                            + " reviewers"));
        }
        return Optional.empty();
    }

    /** 409 application-closed once granted, refused or withdrawn; empty while pending. */
    public static Optional<Refusal> open(Application a) {
        if (!a.status().closed()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                409,
                "application-closed",
                "Application closed",
                "application " + a.applicationId() + " is " + a.status() + "; nothing can change it any more"));
    }
}
