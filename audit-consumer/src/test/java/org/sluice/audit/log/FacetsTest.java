package org.sluice.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.audit.AuditEvents;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.decision.Outcome;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.Json;
import org.sluice.events.licensing.ApplicationOutcome;
import org.sluice.events.licensing.LicenceApplicationDecided;
import org.sluice.events.licensing.LicenceApplicationVoteCast;
import org.sluice.events.licensing.LicenceApplied;
import org.sluice.events.review.RiskLevel;
import org.sluice.events.review.Vote;
import org.sluice.events.transfer.Category;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.Purpose;

class FacetsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aDecisionIsFoundByTransferInstitutionPartnerCountryOutcomeCategoryAndReasons() throws Exception {
        Facets f = facets(AuditEvents.event(
                AuditEvents.ENGINE,
                AuditEvents.decided("tr-1", "i-umcu", "IR", Outcome.DENY, "EMBARGOED_DESTINATION", "DENIED_PARTY")));
        assertThat(f)
                .isEqualTo(new Facets(
                        "tr-1",
                        "i-umcu",
                        "p-ir",
                        "IR",
                        "DENY",
                        "HUMAN_INDIVIDUAL",
                        java.util.List.of("EMBARGOED_DESTINATION", "DENIED_PARTY")));
    }

    @Test
    void aRefusedPackageRequestIsAboutItsAddressee() throws Exception {
        Facets f = facets(AuditEvents.event(
                AuditEvents.ENGINE, new PackageAccessDenied("tr-2", "pkg-2", "p-charite", "p-broad")));
        assertThat(f.transferId()).isEqualTo("tr-2");
        assertThat(f.partner()).isEqualTo("p-charite");
        assertThat(f.outcome()).isNull();
        assertThat(f.reasonCodes()).isEmpty();
    }

    @Test
    void aRequestsFacetsComeFromItsNestedDestinationAndDataset() throws Exception {
        JsonNode data = Json.mapper()
                .readTree("{\"transferId\":\"tr-3\",\"institutionId\":\"i-lumc\",\"request\":{\"destination\":"
                        + "{\"partnerId\":\"p-kyoto\",\"country\":\"JP\"},\"dataset\":{\"category\":\"NON_HUMAN\"}}}");
        assertThat(Facets.of(data))
                .isEqualTo(new Facets("tr-3", "i-lumc", "p-kyoto", "JP", null, "NON_HUMAN", java.util.List.of()));
    }

    @Test
    void aLicenceApplicationIsFoundByItsInstitutionPartnerAndCountryAndItsDecisionByOutcome() throws Exception {
        Facets applied = facets(AuditEvents.event(
                AuditEvents.SUBMITTER,
                new LicenceApplied(
                        "la-1",
                        "LIC-A-1",
                        "i-umcu",
                        "p-broad",
                        "US",
                        List.of(Category.HUMAN_INDIVIDUAL, Category.HUMAN_AGGREGATE),
                        new Purpose("DUO:0000007", null, false, "Replication study"),
                        List.of(new EndUser("Dr. Anna Keller", "Broad Institute", "US")),
                        null,
                        null,
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-12-31"),
                        RiskLevel.HIGH,
                        2,
                        Instant.parse("2027-01-20T00:00:00Z"))));
        // no transfer yet, and several categories are no one category
        assertThat(applied).isEqualTo(new Facets(null, "i-umcu", "p-broad", "US", null, null, List.of()));

        Facets refused = facets(AuditEvents.event(
                new Principal("olga@eco", List.of("export-control-officer"), null, null),
                new LicenceApplicationDecided(
                        "la-1",
                        ApplicationOutcome.REFUSED,
                        "i-umcu",
                        "p-broad",
                        "US",
                        null,
                        null,
                        List.of("End use not verified"),
                        Instant.parse("2027-01-01T00:00:00Z"),
                        Instant.parse("2027-01-20T00:00:00Z"),
                        true)));
        // found by institution, partner and country like the application; the refusal's reasons are words, not codes
        assertThat(refused).isEqualTo(new Facets(null, "i-umcu", "p-broad", "US", "REFUSED", null, List.of()));

        Facets vote = facets(AuditEvents.event(
                new Principal("olga@eco", List.of("export-control-officer"), null, null),
                new LicenceApplicationVoteCast("la-1", Vote.DENY, "End use not verified", true)));
        assertThat(vote).isEqualTo(new Facets(null, null, null, null, null, null, List.of()));
    }

    @Test
    void fieldsOfTheWrongShapeGiveNoFacetRatherThanAFailure() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"transferId\":7,\"reasons\":[{\"code\":null},\"x\"],\"outcome\":{}}");
        assertThat(Facets.of(data)).isEqualTo(new Facets(null, null, null, null, null, null, java.util.List.of()));
    }

    private Facets facets(Event<?> event) throws Exception {
        return Facets.of(codec.decodeRaw(codec.encode(event)).data());
    }
}
