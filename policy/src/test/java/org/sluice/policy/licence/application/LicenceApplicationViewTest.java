package org.sluice.policy.licence.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.json.Json;
import org.sluice.events.licensing.LicenceTerms;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;

/** The application as the API answers it has the members docs/api/policy.md#licence-applications names. */
class LicenceApplicationViewTest {

    /** The members of a {@code LicenceApplication}, as the contract lists them. */
    static final List<String> MEMBERS = List.of(
            "applicationId",
            "licenceId",
            "status",
            "institutionId",
            "appliedBy",
            "partnerId",
            "destinationCountry",
            "categories",
            "purpose",
            "endUsers",
            "quotaBytes",
            "quotaTransfers",
            "validFrom",
            "validUntil",
            "risk",
            "requiredVotes",
            "votes",
            "blockingReasons",
            "appliedAt",
            "expectedBy",
            "escalated",
            "decidedAt",
            "timeTaken",
            "late",
            "terms",
            "reasons",
            "waitingTransfers");

    private static final LicenceTerms TERMS = new LicenceTerms(
            LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), 500L, 5L, true, 30, List.of("no onward"));

    @Test
    void aPendingApplicationHasEveryMemberOfTheContractAndNoOther() {
        Application pending = Applications.pending(RiskLevel.HIGH);
        OfficerVote vote =
                new OfficerVote("r@eco", false, Vote.APPROVE, "fine", TERMS, Applications.APPLIED.plusSeconds(60));
        JsonNode json = Json.mapper()
                .valueToTree(LicenceApplication.of(
                        pending,
                        List.of(vote),
                        List.of(Applications.reason("EMBARGOED_DESTINATION", OverrideClass.NONE)),
                        List.of("tr-1"),
                        Applications.APPLIED.plus(Duration.ofDays(11))));

        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(json.get("applicationId").asText()).isEqualTo("la-test");
        assertThat(json.get("status").asText()).isEqualTo("PENDING");
        assertThat(json.get("quotaBytes").asLong()).isEqualTo(1000L);
        assertThat(json.get("validFrom").asText()).isEqualTo("2027-01-01");
        assertThat(json.get("appliedAt").asText()).isEqualTo("2027-01-04T09:00:00Z");
        assertThat(json.get("expectedBy").asText()).isEqualTo("2027-01-14T09:00:00Z");
        assertThat(json.get("decidedAt").isNull()).isTrue();
        assertThat(json.get("terms").isNull()).isTrue();
        assertThat(json.get("timeTaken").asText()).isEqualTo("PT264H");
        assertThat(json.get("late").asBoolean())
                .as("pending past the date first given")
                .isTrue();
        assertThat(json.get("votes").get(0).get("terms").get("quotaBytes").asLong())
                .isEqualTo(500L);
        assertThat(json.get("blockingReasons").get(0).get("code").asText()).isEqualTo("EMBARGOED_DESTINATION");
        assertThat(json.get("waitingTransfers").get(0).asText()).isEqualTo("tr-1");
    }

    @Test
    void aGrantedApplicationShowsItsTermsAndTheTimeItTook() {
        Application granted = Applications.pending(RiskLevel.STANDARD)
                .settled(ApplicationStatus.GRANTED, Applications.APPLIED.plus(Duration.ofHours(30)), TERMS, List.of());
        JsonNode json = Json.mapper()
                .valueToTree(LicenceApplication.of(
                        granted, List.of(), List.of(), List.of(), Applications.APPLIED.plus(Duration.ofDays(40))));

        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(json.get("status").asText()).isEqualTo("GRANTED");
        assertThat(json.get("decidedAt").asText()).isEqualTo("2027-01-05T15:00:00Z");
        assertThat(json.get("timeTaken").asText()).isEqualTo("PT30H");
        assertThat(json.get("late").asBoolean()).isFalse();
        assertThat(json.get("terms").get("validUntil").asText()).isEqualTo("2027-06-30");
        assertThat(json.get("terms").get("conditions").get(0).asText()).isEqualTo("no onward");
    }

    private static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
