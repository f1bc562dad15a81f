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
            case "TransferDecided" -> decided(e, history, alerts);
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
