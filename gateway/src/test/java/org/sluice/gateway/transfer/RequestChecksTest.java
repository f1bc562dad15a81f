package org.sluice.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sluice.events.json.Json;
import org.sluice.events.schema.Violation;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.gateway.GatewayApi;

class RequestChecksTest {

    @Test
    void aConsistentRequestPasses() throws Exception {
        assertThat(RequestChecks.check(request("DE", "DE", "[]"), Optional.of("DE")))
                .isEmpty();
        assertThat(RequestChecks.check(request("DE", "DE", "[]"), Optional.empty()))
                .isEmpty();
    }

    @Test
    void everyUnknownCountryAndADestinationOtherThanThePartnersAreReported() throws Exception {
        List<Violation> violations = RequestChecks.check(request("ZZ", "UK", "[\"NL\", \"EU\"]"), Optional.of("DE"));

        assertThat(violations)
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("destination.country", "iso-3166-1"),
                        org.assertj.core.groups.Tuple.tuple("destination.country", "partner-country"),
                        org.assertj.core.groups.Tuple.tuple("endUsers[0].country", "iso-3166-1"),
                        org.assertj.core.groups.Tuple.tuple("dataset.consent.countries[1]", "iso-3166-1"));
        assertThat(violations.get(1).message()).isEqualTo("partner p-charite is registered in DE, not ZZ");
    }

    private static TransferRequest request(String destination, String endUser, String consentCountries)
            throws Exception {
        var node = GatewayApi.request("p-charite", destination, 10, "ab".repeat(32));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("endUsers").get(0)).put("country", endUser);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("dataset").get("consent"))
                .set("countries", Json.mapper().readTree(consentCountries));
        return Json.mapper().treeToValue(node, TransferRequest.class);
    }
}
