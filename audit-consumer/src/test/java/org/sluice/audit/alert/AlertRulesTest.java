package org.sluice.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sluice.audit.log.Facets;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.events.json.Json;
import org.sluice.events.review.ReviewKind;
import org.sluice.events.review.ReviewOpened;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.security.Severity;
import org.sluice.events.transfer.Category;

class AlertRulesTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private final AlertRules rules = new AlertRules(new AlertConfig() {
        public Duration denialsWindow() {
            return Duration.ofHours(24);
        }

        public int denialsThreshold() {
            return 3;
        }

        public Duration authFailuresWindow() {
            return Duration.ofMinutes(1);
        }

        public int authFailuresThreshold() {
            return 3;
        }

        public int batchSize() {
            return 100;
        }
    });

    /** A log in memory: the entries seen so far, which the windowed rules look back on. */
    private final List<EntryFacts> log = new ArrayList<>();

    private final History history = new History() {
        public List<Long> denialsOfInstitution(String institution, Instant since, long upTo) {
            return log.stream()
                    .filter(e -> e.index() <= upTo
                            && !e.time().isBefore(since)
                            && denial(e)
                            && institution.equals(e.facets().institution()))
                    .map(EntryFacts::index)
                    .toList();
        }

        public List<Long> denialsOfSubmitter(String submitter, Instant since, long upTo) {
            return log.stream()
                    .filter(e -> e.index() <= upTo
                            && !e.time().isBefore(since)
                            && denial(e)
                            && submitterOf(e.facets().transferId())
                                    .filter(submitter::equals)
                                    .isPresent())
                    .map(EntryFacts::index)
                    .toList();
        }

        public Optional<String> submitterOf(String transferId) {
            return log.stream()
                    .filter(e -> e.type().equals("TransferRequested")
                            && transferId.equals(e.facets().transferId()))
                    .map(EntryFacts::actor)
                    .findFirst();
        }

        public Optional<Long> earlierDenial(String transferId, long before) {
            return log.stream()
                    .filter(e -> e.index() < before
                            && denial(e)
                            && transferId.equals(e.facets().transferId()))
                    .map(EntryFacts::index)
                    .reduce((a, b) -> b);
        }

        public List<Long> accessDenied(Instant since, long upTo) {
            return log.stream()
                    .filter(e -> e.index() <= upTo
                            && !e.time().isBefore(since)
                            && e.type().equals("AccessDenied"))
                    .map(EntryFacts::index)
                    .toList();
        }

        public List<CaseOpened> casesOpened(String transferId) {
            return log.stream()
                    .filter(e -> e.type().equals("ReviewOpened")
                            && transferId.equals(e.facets().transferId()))
                    .map(e -> new CaseOpened(
                            e.index(),
                            e.data().path("reviewId").asText(),
                            e.data().path("requiredVotes").asInt()))
                    .toList();
        }

        public List<PastDecision> decisionsOf(String transferId, long before) {
            return log.stream()
                    .filter(e -> e.index() < before
                            && e.type().equals("TransferDecided")
                            && transferId.equals(e.facets().transferId()))
                    .map(e -> {
                        DecisionFacts d = DecisionFacts.of(e.data());
                        return new PastDecision(
                                e.index(),
                                e.data().path("decisionId").asText(),
                                e.facets().outcome(),
                                d.source(),
                                d.reviewId(),
                                d.deciders(),
                                d.requiredDeciders());
                    })
                    .toList();
        }
    };

    @Test
    void theThirdDenialOfAnInstitutionWithinTheWindowRaisesOneAlertWithAllThreeAsEvidence() {
        assertThat(append(decision("tr-1", "i-umcu", "DENY", "ENGINE"), T)).isEmpty();
        assertThat(append(decision("tr-2", "i-umcu", "DENY", "ENGINE"), T.plusSeconds(60)))
                .isEmpty();
        assertThat(append(decision("tr-3", "i-lumc", "DENY", "ENGINE"), T.plusSeconds(90)))
                .isEmpty();
        List<AlertDraft> third = append(decision("tr-4", "i-umcu", "DENY", "ENGINE"), T.plusSeconds(120));
        assertThat(third).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRules.REPEATED_DENIALS);
            assertThat(a.evidence()).containsExactly(0L, 1L, 3L);
            assertThat(a.subjects()).containsEntry("institution", "i-umcu");
        });
        assertThat(append(decision("tr-5", "i-umcu", "DENY", "ENGINE"), T.plusSeconds(180)))
                .as("the fourth denial is the same burst")
                .isEmpty();
    }

    @Test
    void denialsOutsideTheWindowDoNotCount() {
        append(decision("tr-1", "i-umcu", "DENY", "ENGINE"), T);
        append(decision("tr-2", "i-umcu", "DENY", "ENGINE"), T.plus(Duration.ofHours(25)));
        assertThat(append(decision("tr-3", "i-umcu", "DENY", "ENGINE"), T.plus(Duration.ofHours(26))))
                .isEmpty();
    }

    @Test
    void repeatedDenialsOfOneSubmitterAcrossInstitutionsAreNoticed() {
        for (int i = 0; i < 3; i++) {
            append(facts("TransferRequested", "mallory@i-x", "tr-s" + i, "i-" + i, null, List.of(), "{}"), T);
        }
        append(decision("tr-s0", "i-0", "DENY", "ENGINE"), T);
        append(decision("tr-s1", "i-1", "DENY", "ENGINE"), T);
        assertThat(append(decision("tr-s2", "i-2", "DENY", "ENGINE"), T))
                .extracting(AlertDraft::rule)
                .containsExactly(AlertRules.REPEATED_DENIALS_SUBMITTER);
    }

    @Test
    void embargoAndDeniedPartyHitsAreHighAndPossibleMatchesMedium() {
        assertThat(append(
                        facts(
                                "TransferDecided",
                                "system:policy",
                                "tr-1",
                                "i-umcu",
                                "DENY",
                                List.of("EMBARGOED_DESTINATION", "DENIED_PARTY"),
                                "{\"source\":\"ENGINE\"}"),
                        T))
                .anySatisfy(a -> {
                    assertThat(a.rule()).isEqualTo(AlertRules.EMBARGO_OR_DENIED_PARTY);
                    assertThat(a.severity()).isEqualTo(Severity.HIGH);
                    assertThat(a.summary()).contains("EMBARGOED_DESTINATION, DENIED_PARTY");
                });
        assertThat(append(
                        facts(
                                "TransferDecided",
                                "system:policy",
                                "tr-2",
                                "i-umcu",
                                "REVIEW",
                                List.of("POSSIBLE_DENIED_PARTY"),
                                "{\"source\":\"ENGINE\"}"),
                        T))
                .singleElement()
                .extracting(AlertDraft::severity)
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aReviewApprovalSupersedingAnEngineDenyIsAnOverrideCitingBoth() {
        append(decision("tr-1", "i-umcu", "DENY", "ENGINE"), T);
        append(decision("tr-2", "i-umcu", "APPROVE", "ENGINE"), T);
        assertThat(append(decision("tr-2", "i-umcu", "APPROVE", "REVIEW"), T)).isEmpty();
        assertThat(append(decision("tr-1", "i-umcu", "APPROVE", "APPEAL"), T))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.rule()).isEqualTo(AlertRules.REVIEWER_OVERRIDE);
                    assertThat(a.evidence()).containsExactly(0L, 3L);
                });
        assertThat(append(
                        facts(
                                "ReviewVoteCast",
                                "rita@eco",
                                "tr-9",
                                null,
                                null,
                                List.of(),
                                "{\"overridesEngineDeny\":true}"),
                        T))
                .extracting(AlertDraft::rule)
                .containsExactly(AlertRules.REVIEWER_OVERRIDE);
        assertThat(append(
                        facts(
                                "ReviewVoteCast",
                                "rita@eco",
                                "tr-9",
                                null,
                                null,
                                List.of(),
                                "{\"overridesEngineDeny\":false}"),
                        T))
                .isEmpty();
    }

    @Test
    void policyChangesNonAddresseeRequestsAndDigestMismatchesAlertAtOnce() {
        assertThat(append(
                        facts(
                                "PolicyBundleActivated",
                                "admin@sluice",
                                null,
                                null,
                                null,
                                List.of(),
                                "{\"bundle\":{\"id\":\"default\",\"version\":\"2\"}}"),
                        T))
                .extracting(AlertDraft::rule, AlertDraft::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertRules.POLICY_CHANGE, Severity.LOW));
        assertThat(append(
                        facts(
                                "ScreeningListLoaded",
                                "admin@sluice",
                                null,
                                null,
                                null,
                                List.of(),
                                "{\"listId\":\"consolidated\"}"),
                        T))
                .extracting(AlertDraft::rule)
                .containsExactly(AlertRules.POLICY_CHANGE);
        assertThat(append(
                        facts(
                                "PackageAccessDenied",
                                "svc@p-broad",
                                "tr-1",
                                null,
                                null,
                                List.of(),
                                "{\"requestingPartnerId\":\"p-broad\",\"addresseePartnerId\":\"p-charite\"}"),
                        T))
                .singleElement()
                .satisfies(a -> assertThat(a.subjects()).containsEntry("partner", "p-broad"));
        assertThat(append(
                        facts(
                                "PackageAcknowledged",
                                "svc@p-charite",
                                "tr-1",
                                null,
                                null,
                                List.of(),
                                "{\"digestMatches\":false}"),
                        T))
                .extracting(AlertDraft::severity)
                .containsExactly(Severity.CRITICAL);
        assertThat(append(
                        facts(
                                "PackageAcknowledged",
                                "svc@p-charite",
                                "tr-1",
                                null,
                                null,
                                List.of(),
                                "{\"digestMatches\":true}"),
                        T))
                .isEmpty();
    }

    @Test
    void aBurstOfRefusedRequestsRaisesOneAlert() {
        List<AlertDraft> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            raised.addAll(append(
                    facts(
                            "AccessDenied",
                            "anonymous",
                            null,
                            null,
                            null,
                            List.of(),
                            "{\"service\":\"gateway\",\"status\":401}"),
                    T.plusSeconds(i)));
        }
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRules.AUTH_FAILURE_BURST);
            assertThat(a.evidence()).containsExactly(0L, 1L, 2L);
        });
    }

    @Test
    void alertsAndCheckpointsInTheLogRaiseNothing() {
        assertThat(append(facts("SecurityAlert", "system:audit", null, null, null, List.of(), "{}"), T))
                .isEmpty();
        assertThat(append(facts("CheckpointSigned", "system:audit", null, null, null, List.of(), "{}"), T))
                .isEmpty();
    }

    // ---- issue 11: decision integrity ----

    @Test
    void anApprovalCarryingAHardStopIsCriticalAndOneWithoutIsNot() {
        List<AlertDraft> raised = append(
                decided(approval(
                        "tr-h1",
                        DecisionSource.APPEAL,
                        "rv-1",
                        List.of("e.visser", "j.mulder"),
                        2,
                        reason("EMBARGOED_DESTINATION", OverrideClass.NONE),
                        reason("GENERAL_LICENCE", OverrideClass.ONE_REVIEWER))),
                T);
        assertThat(raised)
                .filteredOn(a -> a.rule().equals(AlertRules.APPROVAL_AGAINST_HARD_STOP))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(a.summary())
                            .contains("EMBARGOED_DESTINATION (rule.embargoed_destination)")
                            .doesNotContain("GENERAL_LICENCE");
                    assertThat(a.evidence()).containsExactly(0L);
                    assertThat(a.subjects())
                            .containsEntry("transfer", "tr-h1")
                            .containsEntry("review", "rv-1")
                            .containsKey("decision");
                });
        // a reason from before override classes counts as a hard stop
        assertThat(append(
                        decided(approval(
                                "tr-h2", DecisionSource.ENGINE, null, List.of(), 0, reason("GENERAL_LICENCE", null))),
                        T))
                .extracting(AlertDraft::rule)
                .contains(AlertRules.APPROVAL_AGAINST_HARD_STOP);
        assertThat(append(
                        decided(approval(
                                "tr-h3",
                                DecisionSource.ENGINE,
                                null,
                                List.of(),
                                0,
                                reason("GENERAL_LICENCE", OverrideClass.ONE_REVIEWER),
                                reason("DSA_REQUIRED", OverrideClass.FOUR_EYES))),
                        T))
                .isEmpty();
        // a denial on a hard stop is what should happen
        assertThat(append(
                        decided(with(
                                approval(
                                        "tr-h4",
                                        DecisionSource.ENGINE,
                                        null,
                                        List.of(),
                                        0,
                                        reason("EMBARGOED_DESTINATION", OverrideClass.NONE)),
                                Outcome.DENY,
                                null,
                                null)),
                        T))
                .extracting(AlertDraft::rule)
                .doesNotContain(AlertRules.APPROVAL_AGAINST_HARD_STOP);
    }

    @Test
    void anApprovalShortOfItsDecidersOrOfItsCasesVotesIsHigh() {
        assertThat(append(
                        decided(approval("tr-d1", DecisionSource.REVIEW, "rv-d1", List.of("r.lone", "r.lone"), 2)), T))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.rule()).isEqualTo(AlertRules.APPROVAL_SHORT_OF_DECIDERS);
                    assertThat(a.severity()).isEqualTo(Severity.HIGH);
                    assertThat(a.summary()).contains("1 distinct decider(s), 2 needed");
                });
        // the decision claims one suffices, but the case it settles needed two votes
        long opened = log.size();
        append(caseOpened("tr-d2", "rv-d2", 2), T);
        assertThat(append(decided(approval("tr-d2", DecisionSource.REVIEW, "rv-d2", List.of("r.lone"), 1)), T))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.rule()).isEqualTo(AlertRules.APPROVAL_SHORT_OF_DECIDERS);
                    assertThat(a.evidence()).containsExactly(opened, opened + 1);
                });
        // enough distinct people for both
        append(caseOpened("tr-d3", "rv-d3", 2), T);
        assertThat(append(decided(approval("tr-d3", DecisionSource.REVIEW, "rv-d3", List.of("r.one", "s.two"), 2)), T))
                .isEmpty();
        // the engine needs no one when no case is open
        assertThat(append(decided(approval("tr-d4", DecisionSource.ENGINE, null, List.of(), 0)), T))
                .isEmpty();
        // an old event without requiredDeciders still answers to its case
        append(caseOpened("tr-d5", "rv-d5", 2), T);
        assertThat(append(decided(approval("tr-d5", DecisionSource.REVIEW, "rv-d5", List.of("r.lone"), null)), T))
                .extracting(AlertDraft::rule)
                .containsExactly(AlertRules.APPROVAL_SHORT_OF_DECIDERS);
    }

    @Test
    void aCaseLoggedAfterTheApprovalNamingItIsJudgedThenAndEachShortApprovalAlertsOnce() {
        long approved = log.size();
        assertThat(append(decided(approval("tr-l1", DecisionSource.REVIEW, "rv-l1", List.of("r.lone"), 1)), T))
                .isEmpty();
        assertThat(append(caseOpened("tr-l1", "rv-l1", 2), T)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRules.APPROVAL_SHORT_OF_DECIDERS);
            assertThat(a.evidence()).containsExactly(approved, approved + 1);
            assertThat(a.subjects()).containsEntry("review", "rv-l1").containsEntry("transfer", "tr-l1");
        });
        assertThat(append(caseOpened("tr-l1", "rv-l1", 2), T))
                .as("already raised")
                .isEmpty();
        // found short by its own count already: the late case adds nothing
        append(decided(approval("tr-l2", DecisionSource.REVIEW, "rv-l2", List.of("r.lone"), 2)), T);
        assertThat(append(caseOpened("tr-l2", "rv-l2", 2), T)).isEmpty();
        // enough people for the late case too
        append(decided(approval("tr-l3", DecisionSource.REVIEW, "rv-l3", List.of("a", "b"), 2)), T);
        assertThat(append(caseOpened("tr-l3", "rv-l3", 2), T)).isEmpty();
    }

    @Test
    void aReevaluationThatClosesAnOpenCaseIsMediumAndOneThatKeepsItOpenIsNot() {
        TransferDecided review =
                with(approval("tr-r1", DecisionSource.ENGINE, null, List.of(), 0), Outcome.REVIEW, null, null);
        long first = log.size();
        append(decided(review), T);
        append(caseOpened("tr-r1", "rv-r1", 2), T);
        // policy keeps the case open: a REVIEW re-evaluation naming it closes nothing
        assertThat(append(
                        decided(with(
                                approval("tr-r1", DecisionSource.REEVALUATION, "rv-r1", List.of(), 0),
                                Outcome.REVIEW,
                                "rv-r1",
                                review.decisionId())),
                        T))
                .isEmpty();
        // an approval by re-evaluation superseding the REVIEW decision while the case is open
        List<AlertDraft> raised = append(
                decided(with(
                        approval("tr-r1", DecisionSource.REEVALUATION, null, List.of(), 0),
                        Outcome.APPROVE,
                        null,
                        review.decisionId())),
                T);
        assertThat(raised)
                .extracting(AlertDraft::rule)
                .containsExactlyInAnyOrder(
                        AlertRules.CASE_CLOSED_BY_REEVALUATION, AlertRules.APPROVAL_SHORT_OF_DECIDERS);
        assertThat(raised)
                .filteredOn(a -> a.rule().equals(AlertRules.CASE_CLOSED_BY_REEVALUATION))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(a.evidence()).containsExactly(first, first + 1, first + 3);
                    assertThat(a.subjects()).containsEntry("review", "rv-r1").containsEntry("transfer", "tr-r1");
                });
        // a re-evaluation denial naming its case closes it too
        assertThat(append(
                        decided(with(
                                approval("tr-r2", DecisionSource.REEVALUATION, "rv-r2", List.of(), 0),
                                Outcome.DENY,
                                "rv-r2",
                                null)),
                        T))
                .extracting(AlertDraft::rule)
                .containsExactly(AlertRules.CASE_CLOSED_BY_REEVALUATION);
        // no open case: a re-evaluation is ordinary
        TransferDecided engine =
                with(approval("tr-r3", DecisionSource.ENGINE, null, List.of(), 0), Outcome.REVIEW, null, null);
        append(decided(engine), T);
        assertThat(append(
                        decided(with(
                                approval("tr-r3", DecisionSource.REEVALUATION, null, List.of(), 0),
                                Outcome.DENY,
                                null,
                                engine.decisionId())),
                        T))
                .isEmpty();
        // a case that reviewers settled is closed: a later re-evaluation closes nothing
        TransferDecided r4 =
                with(approval("tr-r4", DecisionSource.ENGINE, null, List.of(), 0), Outcome.REVIEW, null, null);
        append(decided(r4), T);
        append(caseOpened("tr-r4", "rv-r4", 1), T);
        TransferDecided settled = with(
                approval("tr-r4", DecisionSource.REVIEW, "rv-r4", List.of("r.one"), 1),
                Outcome.DENY,
                "rv-r4",
                r4.decisionId());
        append(decided(settled), T);
        assertThat(append(
                        decided(with(
                                approval("tr-r4", DecisionSource.REEVALUATION, null, List.of(), 0),
                                Outcome.DENY,
                                null,
                                r4.decisionId())),
                        T))
                .isEmpty();
    }

    @Test
    void everySealingRefusalIsHighAndCitesTheRefusedApproval() {
        TransferDecided forged = approval(
                "tr-s1",
                DecisionSource.APPEAL,
                "rv-s1",
                List.of("a", "b"),
                2,
                reason("EMBARGOED_DESTINATION", OverrideClass.NONE));
        long decision = log.size();
        append(decided(forged), T);
        List<AlertDraft> raised = append(
                entry(
                        "SealingRefused",
                        "system:gateway",
                        new SealingRefused(
                                "tr-s1",
                                "p-tehran",
                                forged.decisionId(),
                                List.of("EMBARGOED_DESTINATION"),
                                "no one may approve")),
                T);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(AlertRules.SEALING_REFUSED);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.evidence()).containsExactly(decision, decision + 1);
            assertThat(a.subjects())
                    .containsEntry("transfer", "tr-s1")
                    .containsEntry("decision", forged.decisionId())
                    .containsEntry("partner", "p-tehran");
            assertThat(a.summary()).contains("EMBARGOED_DESTINATION");
        });
        assertThat(append(
                        entry(
                                "PackageSealed",
                                "system:gateway",
                                org.sluice.audit.AuditEvents.sealed("tr-s2", "p-charite")),
                        T))
                .isEmpty();
    }

    private static Reason reason(String code, OverrideClass override) {
        return new Reason(
                code,
                "rule." + code.toLowerCase(java.util.Locale.ROOT),
                code,
                Outcome.DENY,
                "c",
                "e",
                "r",
                List.of(),
                override);
    }

    private static TransferDecided approval(
            String transfer,
            DecisionSource source,
            String reviewId,
            List<String> deciders,
            Integer required,
            Reason... reasons) {
        return new TransferDecided(
                transfer,
                "dc-" + java.util.UUID.randomUUID(),
                "i-umcu",
                "p-tehran",
                "IR",
                Category.HUMAN_INDIVIDUAL,
                Outcome.APPROVE,
                List.of(reasons),
                List.of(),
                new BundleRef("default", "1", "sha256:" + "ab".repeat(32)),
                source,
                reviewId,
                null,
                null,
                deciders,
                required);
    }

    private static TransferDecided with(TransferDecided d, Outcome outcome, String reviewId, String supersedes) {
        return new TransferDecided(
                d.transferId(),
                d.decisionId(),
                d.institutionId(),
                d.partnerId(),
                d.destinationCountry(),
                d.category(),
                outcome,
                d.reasons(),
                d.conditions(),
                d.bundle(),
                d.source(),
                reviewId,
                supersedes,
                d.validUntil(),
                d.deciders(),
                d.requiredDeciders());
    }

    private static EntryFacts decided(TransferDecided d) {
        return entry("TransferDecided", d.source() == DecisionSource.ENGINE ? "system:policy" : "r@eco", d);
    }

    private static EntryFacts caseOpened(String transfer, String reviewId, int votes) {
        return entry(
                "ReviewOpened",
                "system:policy",
                new ReviewOpened(
                        reviewId,
                        transfer,
                        ReviewKind.DECISION,
                        "dc-x",
                        "i-umcu",
                        "p-tehran",
                        "IR",
                        Category.HUMAN_INDIVIDUAL,
                        RiskLevel.HIGH,
                        votes,
                        T.plusSeconds(3600),
                        List.of(),
                        List.of()));
    }

    private static EntryFacts entry(String type, String actor, Object data) {
        JsonNode node = Json.mapper().valueToTree(data);
        return new EntryFacts(0, type, T, actor, Facets.of(node), node);
    }

    private List<AlertDraft> append(EntryFacts template, Instant time) {
        EntryFacts e =
                new EntryFacts(log.size(), template.type(), time, template.actor(), template.facets(), template.data());
        log.add(e);
        return rules.evaluate(e, history);
    }

    private static EntryFacts decision(String transfer, String institution, String outcome, String source) {
        return facts(
                "TransferDecided",
                "system:policy",
                transfer,
                institution,
                outcome,
                List.of(),
                "{\"source\":\"" + source + "\"}");
    }

    private static EntryFacts facts(
            String type,
            String actor,
            String transfer,
            String institution,
            String outcome,
            List<String> codes,
            String data) {
        try {
            JsonNode node = Json.mapper().readTree(data);
            return new EntryFacts(
                    0, type, T, actor, new Facets(transfer, institution, null, "IR", outcome, null, codes), node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean denial(EntryFacts e) {
        return e.type().equals("TransferDecided") && "DENY".equals(e.facets().outcome());
    }
}
