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
import org.sluice.events.json.Json;
import org.sluice.events.security.Severity;

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
