package org.sluice.gateway.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class PartnerRegistryTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void aRegistrationIsStoredAndPublishedInFullAndAnUnchangedOneIsNot() {
        Map<String, Object> body = registration("p-karolinska", "SE");

        put("p-registry-new", body)
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("p-registry-new"))
                .body("keys[0].fingerprint", startsWith("sha256:"));
        put("p-registry-new", body).then().statusCode(200);
        body.put("status", "SUSPENDED");
        body.put("statusReason", "failed post-shipment verification");
        put("p-registry-new", body).then().statusCode(200).body("status", equalTo("SUSPENDED"));

        var records = kafka.readUntil(
                Topic.PARTNERS.topicName(),
                r -> "p-registry-new".equals(r.key())
                        && r.event().dataAs(PartnerUpdated.class).status() == PartnerStatus.SUSPENDED,
                Duration.ofSeconds(30));
        List<PartnerUpdated> updates = records.stream()
                .filter(r -> "p-registry-new".equals(r.key()))
                .map(r -> r.event().dataAs(PartnerUpdated.class))
                .toList();
        assertThat(updates).hasSize(2);
        PartnerUpdated last = updates.get(1);
        assertThat(last.country()).isEqualTo("SE");
        assertThat(last.statusReason()).isEqualTo("failed post-shipment verification");
        assertThat(last.deliveryFormat()).isEqualTo(PackageFormat.CRYPT4GH);
        assertThat(last.keys()).singleElement().satisfies(k -> {
            assertThat(k.keyId()).isEqualTo("k1");
            assertThat(k.fingerprint()).startsWith("sha256:");
        });
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/partners/p-registry-new")
                .then()
                .statusCode(200)
                .body("keys[0].publicKey", startsWith("-----BEGIN CRYPT4GH PUBLIC KEY-----"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/partners")
                .then()
                .statusCode(200)
                .body("partnerId", hasItems("p-registry-new"));
    }

    @Test
    void everyBrokenRuleOfARegistrationIsNamed() {
        Map<String, Object> body = registration("p-karolinska", "XX");
        body.put("status", "SUSPENDED");
        body.put(
                "keys",
                List.of(
                        Map.of(
                                "keyId",
                                "k1",
                                "publicKey",
                                "not a key",
                                "validFrom",
                                "2026-01-01",
                                "validUntil",
                                "2027-01-01"),
                        Map.of(
                                "keyId", "k1",
                                "publicKey", GatewayApi.fixture("keys/p-riken.pub"),
                                "validFrom", "2027-01-01",
                                "validUntil", "2026-01-01")));

        put("p-broken", body)
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "country", "statusReason", "keys[0].publicKey", "keys[1].keyId", "keys[1].validUntil"));
        put("p-broken", Map.of("country", "SE", "status", "DORMANT"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/partners/p-broken")
                .then()
                .statusCode(404);
    }

    @Test
    void aSuspensionWhoseReasonIsOnlyZeroWidthCharactersIsRefusedAndNothingChanges() {
        put("p-registry-zw", registration("p-karolinska", "SE")).then().statusCode(201);
        Map<String, Object> body = registration("p-karolinska", "SE");
        body.put("status", "SUSPENDED");
        body.put("statusReason", "\u200B\u200C\u200D");

        put("p-registry-zw", body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("statusReason"))
                .body("errors[0].rule", equalTo("notBlank"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/partners/p-registry-zw")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void onlyAdministratorsKeepTheRegistry() {
        given().auth()
                .oauth2(Tokens.submitter("i-umcu"))
                .contentType("application/json")
                .body(registration("p-karolinska", "SE"))
                .put("/api/v1/admin/partners/p-karolinska")
                .then()
                .statusCode(403);
        given().get("/api/v1/admin/partners").then().statusCode(401);
    }

    private static io.restassured.response.Response put(String partnerId, Object body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .put("/api/v1/admin/partners/" + partnerId);
    }

    static Map<String, Object> registration(String keyFixture, String country) {
        Map<String, Object> body = new HashMap<>();
        body.put("institution", "Karolinska Institutet");
        body.put("country", country);
        body.put("status", "ACTIVE");
        body.put("profitStatus", "NOT_FOR_PROFIT");
        body.put("adequacyCovered", false);
        body.put("deliveryFormat", "CRYPT4GH");
        body.put("keys", List.of(GatewayApi.key("k1", keyFixture, "2026-01-01", "2031-12-31")));
        return body;
    }
}
