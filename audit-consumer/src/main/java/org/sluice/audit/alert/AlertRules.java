package org.sluice.audit.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sluice.events.security.Severity;

/**
 * The security rules over the log, a pure function of one new entry and what came before it. Threshold
 * rules fire when the count in their window reaches the threshold exactly, so a burst raises one alert
 * and a later burst another. No rule reads {@code SecurityAlert} or {@code CheckpointSigned} entries, so
 * alerts appended to the log cannot raise alerts.
 */
public final class AlertRules {

    public static final String REPEATED_DENIALS = "repeated-denials";
    public static final String REPEATED_DENIALS_SUBMITTER = "repeated-denials-submitter";
    public static final String EMBARGO_OR_DENIED_PARTY = "embargo-or-denied-party";
    public static final String REVIEWER_OVERRIDE = "reviewer-override";
    public static final String POLICY_CHANGE = "policy-change";
    public static final String NON_ADDRESSEE_REQUEST = "non-addressee-request";
    public static final String AUTH_FAILURE_BURST = "auth-failure-burst";
    public static final String ACK_DIGEST_MISMATCH = "ack-digest-mismatch";
    public static final String APPROVAL_AGAINST_HARD_STOP = "approval-against-hard-stop";
    public static final String APPROVAL_SHORT_OF_DECIDERS = "approval-short-of-deciders";
    public static final String CASE_CLOSED_BY_REEVALUATION = "case-closed-by-reevaluation";
    public static final String SEALING_REFUSED = "sealing-refused";

    /** Every rule id, for the console's titles and the documentation. */
    public static final List<String> ALL = List.of(
            REPEATED_DENIALS,
            REPEATED_DENIALS_SUBMITTER,
            EMBARGO_OR_DENIED_PARTY,
            REVIEWER_OVERRIDE,
            POLICY_CHANGE,
            NON_ADDRESSEE_REQUEST,
            AUTH_FAILURE_BURST,
            ACK_DIGEST_MISMATCH,
            APPROVAL_AGAINST_HARD_STOP,
            APPROVAL_SHORT_OF_DECIDERS,
            CASE_CLOSED_BY_REEVALUATION,
            SEALING_REFUSED);

    private static final Set<String> HIGH_RISK_CODES = Set.of("EMBARGOED_DESTINATION", "DENIED_PARTY");
    private static final String POSSIBLE_DENIED_PARTY = "POSSIBLE_DENIED_PARTY";

    private final AlertConfig config;

    public AlertRules(AlertConfig config) {
        this.config = config;
    }

    /** The alerts one entry raises. */
    public List<AlertDraft> evaluate(EntryFacts e, History history) {
        List<AlertDraft> alerts = new ArrayList<>();
        switch (e.type()) {
            case "TransferDecided" -> {
                decided(e, history, alerts);
                integrity(e, history, alerts);
            }
            case "SealingRefused" -> sealingRefused(e, history, alerts);
            case "ReviewOpened" -> caseSeenLate(e, history, alerts);
            case "ReviewVoteCast" -> {
                if (e.data().path("overridesEngineDeny").asBoolean(false)) {
                    alerts.add(now(
                            e,
                            REVIEWER_OVERRIDE,
                            Severity.HIGH,
                            "reviewer " + e.actor() + " voted to override an engine DENY on "
                                    + e.facets().transferId(),
                            List.of(e.index()),
                            Map.of("transfer", nz(e.facets().transferId()), "principal", e.actor())));
                }
            }
            case "PolicyBundleActivated" ->
                alerts.add(now(
                        e,
                        POLICY_CHANGE,
                        Severity.LOW,
                        "policy bundle " + e.data().at("/bundle/id").asText() + " "
                                + e.data().at("/bundle/version").asText() + " activated by " + e.actor(),
                        List.of(e.index()),
                        Map.of("principal", e.actor())));
            case "ScreeningListLoaded" ->
                alerts.add(now(
                        e,
                        POLICY_CHANGE,
                        Severity.LOW,
                        "screening list " + e.data().path("listId").asText() + " loaded by " + e.actor(),
                        List.of(e.index()),
                        Map.of("principal", e.actor())));
            case "PackageAccessDenied" ->
                alerts.add(now(
                        e,
                        NON_ADDRESSEE_REQUEST,
                        Severity.HIGH,
                        "partner " + e.data().path("requestingPartnerId").asText()
                                + " asked for a package addressed to "
                                + e.data().path("addresseePartnerId").asText(),
                        List.of(e.index()),
                        Map.of(
                                "partner",
                                e.data().path("requestingPartnerId").asText(),
                                "transfer",
                                nz(e.facets().transferId()))));
            case "PackageAcknowledged" -> {
                if (!e.data().path("digestMatches").asBoolean(true)) {
                    alerts.add(now(
                            e,
                            ACK_DIGEST_MISMATCH,
                            Severity.CRITICAL,
                            "partner " + nz(e.facets().partner()) + " received "
                                    + nz(e.facets().transferId()) + " with a digest other than the manifest's",
                            List.of(e.index()),
                            Map.of(
                                    "partner",
                                    nz(e.facets().partner()),
                                    "transfer",
                                    nz(e.facets().transferId()))));
                }
            }
            case "AccessDenied" -> {
                Instant since = e.time().minus(config.authFailuresWindow());
                List<Long> burst = history.accessDenied(since, e.index());
                if (burst.size() == config.authFailuresThreshold()) {
                    alerts.add(new AlertDraft(
                            AUTH_FAILURE_BURST,
                            Severity.MEDIUM,
                            burst.size() + " refused requests (401/403) within " + config.authFailuresWindow(),
                            burst,
                            Map.of("service", e.data().path("service").asText()),
                            since,
                            e.time()));
                }
            }
            default -> {
                // other types raise nothing
            }
        }
        return alerts;
    }

    private void decided(EntryFacts e, History history, List<AlertDraft> alerts) {
        String transfer = nz(e.facets().transferId());
        List<String> codes = e.facets().reasonCodes();
        List<String> hits = codes.stream().filter(HIGH_RISK_CODES::contains).toList();
        if (!hits.isEmpty() || codes.contains(POSSIBLE_DENIED_PARTY)) {
            List<String> named = hits.isEmpty() ? List.of(POSSIBLE_DENIED_PARTY) : hits;
            alerts.add(now(
                    e,
                    EMBARGO_OR_DENIED_PARTY,
                    hits.isEmpty() ? Severity.MEDIUM : Severity.HIGH,
                    String.join(", ", named) + " on " + transfer + " to "
                            + nz(e.facets().country()),
                    List.of(e.index()),
                    Map.of(
                            "transfer",
                            transfer,
                            "institution",
                            nz(e.facets().institution()),
                            "country",
                            nz(e.facets().country()))));
        }
        String source = e.data().path("source").asText();
        boolean approval = "APPROVE".equals(e.facets().outcome())
                || "APPROVE_WITH_CONDITIONS".equals(e.facets().outcome());
        if (approval && ("REVIEW".equals(source) || "APPEAL".equals(source))) {
            Optional<Long> denial = history.earlierDenial(transfer, e.index());
            denial.ifPresent(d -> alerts.add(now(
                    e,
                    REVIEWER_OVERRIDE,
                    Severity.HIGH,
                    "a " + source.toLowerCase(java.util.Locale.ROOT) + " approval superseded a DENY on " + transfer,
                    List.of(d, e.index()),
                    Map.of("transfer", transfer))));
        }
        if ("DENY".equals(e.facets().outcome())) {
            Instant since = e.time().minus(config.denialsWindow());
            String institution = e.facets().institution();
            if (institution != null) {
                List<Long> denials = history.denialsOfInstitution(institution, since, e.index());
                if (denials.size() == config.denialsThreshold()) {
                    alerts.add(new AlertDraft(
                            REPEATED_DENIALS,
                            Severity.MEDIUM,
                            denials.size() + " denials for institution " + institution + " within "
                                    + config.denialsWindow(),
                            denials,
                            Map.of("institution", institution),
                            since,
                            e.time()));
                }
            }
            history.submitterOf(transfer).ifPresent(submitter -> {
                List<Long> denials = history.denialsOfSubmitter(submitter, since, e.index());
                if (denials.size() == config.denialsThreshold()) {
                    alerts.add(new AlertDraft(
                            REPEATED_DENIALS_SUBMITTER,
                            Severity.MEDIUM,
                            denials.size() + " denials for submitter " + submitter + " within "
                                    + config.denialsWindow(),
                            denials,
                            Map.of("principal", submitter),
                            since,
                            e.time()));
                }
            });
        }
    }

    /** Issue 11: approvals no one may make, made anyway, and review cases settled by no one. */
    private void integrity(EntryFacts e, History history, List<AlertDraft> alerts) {
        String transfer = nz(e.facets().transferId());
        DecisionFacts d = DecisionFacts.of(e.data());
        List<History.PastDecision> earlier = transfer.isEmpty() ? List.of() : history.decisionsOf(transfer, e.index());
        List<History.CaseOpened> cases = transfer.isEmpty() ? List.of() : history.casesOpened(transfer);
        if (d.approval() && !d.hardStops().isEmpty()) {
            alerts.add(now(
                    e,
                    APPROVAL_AGAINST_HARD_STOP,
                    Severity.CRITICAL,
                    d.outcome() + " by " + d.source() + " (" + d.decisionId() + ") on " + transfer
                            + " against hard stop " + String.join(", ", d.hardStops()),
                    List.of(e.index()),
                    subjects(transfer, d, e)));
        }
        if (d.approval()) {
            // the case the approval settles: the one it names, else the transfer's cases open before it
            List<History.CaseOpened> itsCases = d.reviewId() != null
                    ? cases.stream()
                            .filter(c -> d.reviewId().equals(c.reviewId()))
                            .toList()
                    : openBefore(cases, earlier, e.index());
            int caseVotes = itsCases.stream()
                    .mapToInt(History.CaseOpened::requiredVotes)
                    .max()
                    .orElse(0);
            int needed = Math.max(d.requiredDeciders(), caseVotes);
            if (d.deciders() < needed) {
                List<Long> evidence = new ArrayList<>();
                itsCases.forEach(c -> evidence.add(c.index()));
                evidence.add(e.index());
                alerts.add(now(
                        e,
                        APPROVAL_SHORT_OF_DECIDERS,
                        Severity.HIGH,
                        d.outcome() + " by " + d.source() + " (" + d.decisionId() + ") on " + transfer + " with "
                                + d.deciders() + " distinct decider(s), " + needed + " needed (decision says "
                                + d.requiredDeciders() + ", case " + caseVotes + ")",
                        sorted(evidence),
                        subjects(transfer, d, e)));
            }
        }
        if ("REEVALUATION".equals(d.source()) && !"REVIEW".equals(d.outcome())) {
            List<Long> evidence = new ArrayList<>();
            String closed = null;
            if (d.reviewId() != null) {
                closed = d.reviewId();
                cases.stream().filter(c -> d.reviewId().equals(c.reviewId())).forEach(c -> evidence.add(c.index()));
            } else if (d.supersedes() != null) {
                Optional<History.PastDecision> superseded = earlier.stream()
                        .filter(p -> d.supersedes().equals(p.decisionId()) && "REVIEW".equals(p.outcome()))
                        .findFirst();
                List<History.CaseOpened> open = openBefore(cases, earlier, e.index());
                if (superseded.isPresent() && !open.isEmpty()) {
                    closed = open.get(open.size() - 1).reviewId();
                    evidence.add(superseded.get().index());
                    open.forEach(c -> evidence.add(c.index()));
                }
            }
            if (closed != null) {
                evidence.add(e.index());
                Map<String, String> subjects = new java.util.HashMap<>(subjects(transfer, d, e));
                subjects.put("review", closed);
                alerts.add(now(
                        e,
                        CASE_CLOSED_BY_REEVALUATION,
                        Severity.MEDIUM,
                        "review case " + closed + " of " + transfer + " closed by a re-evaluation " + d.outcome() + " ("
                                + d.decisionId() + "), not by reviewers",
                        sorted(evidence),
                        subjects));
            }
        }
    }

    /**
     * A case whose {@code ReviewOpened} is logged after an approval naming it (the review and decided
     * topics are not ordered with each other): the approval is judged against the case's votes now,
     * unless it was already found short (by its own count or an earlier entry of the case), so each
     * approval raises {@code approval-short-of-deciders} at most once.
     */
    private void caseSeenLate(EntryFacts e, History history, List<AlertDraft> alerts) {
        String transfer = nz(e.facets().transferId());
        String reviewId = e.data().path("reviewId").asText();
        int votes = e.data().path("requiredVotes").asInt(0);
        if (transfer.isEmpty() || reviewId.isEmpty()) {
            return;
        }
        int earlierVotes = history.casesOpened(transfer).stream()
                .filter(c -> c.index() < e.index() && reviewId.equals(c.reviewId()))
                .mapToInt(History.CaseOpened::requiredVotes)
                .max()
                .orElse(0);
        for (History.PastDecision d : history.decisionsOf(transfer, e.index())) {
            boolean approval = "APPROVE".equals(d.outcome()) || "APPROVE_WITH_CONDITIONS".equals(d.outcome());
            int flaggedBelow = Math.max(d.requiredDeciders(), earlierVotes);
            if (approval && reviewId.equals(d.reviewId()) && d.deciders() < votes && d.deciders() >= flaggedBelow) {
                alerts.add(now(
                        e,
                        APPROVAL_SHORT_OF_DECIDERS,
                        Severity.HIGH,
                        d.outcome() + " by " + d.source() + " (" + d.decisionId() + ") on " + transfer + " with "
                                + d.deciders() + " distinct decider(s), " + votes + " needed (decision says "
                                + d.requiredDeciders() + ", case " + votes + ", its ReviewOpened logged later)",
                        List.of(d.index(), e.index()),
                        Map.of(
                                "transfer",
                                transfer,
                                "decision",
                                d.decisionId(),
                                "institution",
                                nz(e.facets().institution()),
                                "review",
                                reviewId)));
            }
        }
    }

    private void sealingRefused(EntryFacts e, History history, List<AlertDraft> alerts) {
        String transfer = nz(e.facets().transferId());
        String decision = e.data().path("decisionId").asText();
        List<Long> evidence = new ArrayList<>();
        if (!transfer.isEmpty()) {
            history.decisionsOf(transfer, e.index()).stream()
                    .filter(p -> decision.equals(p.decisionId()))
                    .forEach(p -> evidence.add(p.index()));
        }
        evidence.add(e.index());
        List<String> codes = new ArrayList<>();
        e.data().path("codes").forEach(c -> codes.add(c.asText()));
        alerts.add(now(
                e,
                SEALING_REFUSED,
                Severity.HIGH,
                "the gateway refused to seal " + transfer + " for approval " + decision + ": "
                        + e.data().path("reason").asText()
                        + (codes.isEmpty() ? "" : " [" + String.join(", ", codes) + "]"),
                sorted(evidence),
                Map.of(
                        "transfer",
                        transfer,
                        "decision",
                        decision,
                        "partner",
                        nz(e.facets().partner()))));
    }

    /**
     * The cases opened before an entry and not closed by a decision before it (a decision naming the case
     * closes it unless it is a REVIEW decision, which a re-evaluation uses to keep the case open).
     */
    private static List<History.CaseOpened> openBefore(
            List<History.CaseOpened> cases, List<History.PastDecision> earlier, long before) {
        return cases.stream()
                .filter(c -> c.index() < before)
                .filter(c -> earlier.stream()
                        .noneMatch(p -> c.reviewId() != null
                                && c.reviewId().equals(p.reviewId())
                                && !"REVIEW".equals(p.outcome())))
                .toList();
    }

    private static Map<String, String> subjects(String transfer, DecisionFacts d, EntryFacts e) {
        Map<String, String> subjects = new java.util.HashMap<>();
        subjects.put("transfer", transfer);
        subjects.put("decision", d.decisionId());
        subjects.put("institution", nz(e.facets().institution()));
        if (d.reviewId() != null) {
            subjects.put("review", d.reviewId());
        }
        return Map.copyOf(subjects);
    }

    private static List<Long> sorted(List<Long> indices) {
        return indices.stream().distinct().sorted().toList();
    }

    private static AlertDraft now(
            EntryFacts e,
            String rule,
            Severity severity,
            String summary,
            List<Long> evidence,
            Map<String, String> subjects) {
        return new AlertDraft(rule, severity, summary, evidence, subjects, e.time(), e.time());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
