package org.sluice.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sluice.audit.AuditEvents;
import org.sluice.events.Event;
import org.sluice.events.decision.Outcome;
import org.sluice.events.delivery.PackageAccessDenied;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.Json;

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
    void fieldsOfTheWrongShapeGiveNoFacetRatherThanAFailure() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"transferId\":7,\"reasons\":[{\"code\":null},\"x\"],\"outcome\":{}}");
        assertThat(Facets.of(data)).isEqualTo(new Facets(null, null, null, null, null, null, java.util.List.of()));
    }

    private Facets facets(Event<?> event) throws Exception {
        return Facets.of(codec.decodeRaw(codec.encode(event)).data());
    }
}
