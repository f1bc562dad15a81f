package org.sluice.gateway.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.events.delivery.SealingRefused;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/** The gateway seals only sealable approvals, whatever policy says (issue 11, defence in depth). */
@QuarkusTest
class SealingRefusalTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
        GatewayApi.registerPartner("p-tehran", "IR");
    }

    @Test
    void anApprovalAgainstAnEmbargoIsRefusedNothingIsSealedAndALaterDenialStillApplies() {
        String id = GatewayApi.staged("p-tehran", "IR", vcf);
        Event<TransferDecided> approval =
                GatewayApi.decide(id, "p-tehran", "IR", Outcome.APPROVE, "EMBARGOED_DESTINATION", "GENERAL_LICENCE");

        JsonPath status = GatewayApi.awaitState(UMCU, id, "REFUSED");
        assertThat(status.getString("sealingRefusal.decisionId"))
                .isEqualTo(approval.data().decisionId());
        assertThat(status.getList("sealingRefusal.codes")).containsExactly("EMBARGOED_DESTINATION");
        assertThat(status.getList("sealingRefusal.causes")).containsExactly("hard-stop");
        assertThat(status.getString("sealingRefusal.reason")).contains("EMBARGOED_DESTINATION");
        assertThat(status.getString("decision"))
                .as("a refused approval is not the transfer's decision")
                .isNull();
        assertThat(status.getString("package")).isNull();
        assertThat(status.getList("history.state")).containsExactly("RECEIVED", "STAGED", "REFUSED");

        SealingRefused refused = refusalOf(id);
        assertThat(refused.decisionId()).isEqualTo(approval.data().decisionId());
        assertThat(refused.partnerId()).isEqualTo("p-tehran");
        assertThat(refused.codes()).containsExactly("EMBARGOED_DESTINATION");
        assertThat(status.getString("sealingRefusal.eventId")).isEqualTo(status.getString("history[2].eventId"));
        assertNoPackageFor("p-tehran", id);

        GatewayApi.decide(id, "p-tehran", "IR", Outcome.DENY, "EMBARGOED_DESTINATION");
        JsonPath denied = GatewayApi.awaitState(UMCU, id, "DENIED");
        assertThat(denied.getString("decision.outcome")).isEqualTo("DENY");
        assertThat(denied.getString("sealingRefusal.decisionId"))
                .isEqualTo(approval.data().decisionId());
        assertNoPackageFor("p-tehran", id);
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString(
                        "sluice_gateway_sealing_refused_total{cause=\"hard-stop\",source=\"ENGINE\"}"));
    }

    @Test
    void anApprovalByFewerDecidersThanRequiredIsRefusedAndAnApprovalByEnoughIsSealed() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW, "POSSIBLE_DENIED_PARTY");
        GatewayApi.awaitState(UMCU, id, "IN_REVIEW");

        TransferDecided lone =
                byReviewers(GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE), List.of("r.lone@eco"), 2);
        // the same person twice is one decider
        TransferDecided twice = byReviewers(
                GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE), List.of("r.lone@eco", "r.lone@eco"), 2);
        GatewayApi.decide(lone);
        GatewayApi.decide(twice);

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> twice.decisionId()
                        .equals(GatewayApi.transfer(UMCU, id).getString("sealingRefusal.decisionId")));
        JsonPath status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("REFUSED");
        assertThat(status.getList("sealingRefusal.causes")).containsExactly("too-few-deciders");
        assertThat(status.getList("sealingRefusal.codes")).isEmpty();
        assertThat(status.getInt("sealingRefusal.deciders")).isEqualTo(1);
        assertThat(status.getInt("sealingRefusal.requiredDeciders")).isEqualTo(2);
        assertThat(status.getString("sealingRefusal.source")).isEqualTo("REVIEW");
        assertThat(status.getString("decision.outcome")).isEqualTo("REVIEW");
        assertThat(refusalOf(id).codes()).isEmpty();
        assertNoPackageFor("p-charite", id);

        TransferDecided fourEyes = byReviewers(
                GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE), List.of("r.lone@eco", "s.senior@eco"), 2);
        GatewayApi.decide(fourEyes);
        JsonPath sealed = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(sealed.getString("decision.decisionId")).isEqualTo(fourEyes.decisionId());
        assertThat(sealed.getList("history.state"))
                .containsExactly("RECEIVED", "STAGED", "IN_REVIEW", "REFUSED", "APPROVED", "SEALED");
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(200)
                .body("findAll { it.transferId == '" + id + "' }.size()", equalTo(1));
    }

    private SealingRefused refusalOf(String transferId) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> transferId.equals(r.key()) && r.event().data() instanceof SealingRefused,
                Duration.ofSeconds(30));
        assertThat(records)
                .filteredOn(r -> transferId.equals(r.key()))
                .noneMatch(r -> r.event().data() instanceof PackageSealed);
        return records.get(records.size() - 1).event().dataAs(SealingRefused.class);
    }

    private static void assertNoPackageFor(String partner, String transferId) {
        given().auth()
                .oauth2(Tokens.partner(partner))
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(200)
                .body("findAll { it.transferId == '" + transferId + "' }.size()", equalTo(0));
    }

    private static TransferDecided byReviewers(TransferDecided d, List<String> deciders, int required) {
        return new TransferDecided(
                d.transferId(),
                d.decisionId(),
                d.institutionId(),
                d.partnerId(),
                d.destinationCountry(),
                d.category(),
                d.outcome(),
                d.reasons(),
                d.conditions(),
                d.bundle(),
                DecisionSource.REVIEW,
                "rv-" + d.transferId(),
                null,
                d.validUntil(),
                deciders,
                required);
    }
}
