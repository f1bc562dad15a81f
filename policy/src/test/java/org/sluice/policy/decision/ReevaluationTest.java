package org.sluice.policy.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerKey;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.PartnerUpdated;
import org.sluice.events.partner.ProfitStatus;
import org.sluice.events.transfer.EndUser;
import org.sluice.events.transfer.TransferRequest;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * Open transfers are decided again when what they were decided on changes: a licence revoked, a partner
 * suspended, a screening list reloaded, a hit adjudicated. Each new decision supersedes the previous one.
 */
@QuarkusTest
class ReevaluationTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void revokingALicenceDeniesTheOpenTransferItCoveredAndGivesBackItsQuota() throws Exception {
        World.putLicence("LIC-TEST-REVOKE", "INDIVIDUAL", 100, LocalDate.parse("2030-12-31"), false);
        TransferRequest cited = Scenarios.citing(Scenarios.named("P28").typedRequest(), List.of("LIC-TEST-REVOKE"));
        String transferId = "tr-reeval-licence-" + UUID.randomUUID();
        kafka.publish(request(transferId, "i-rivm", cited));
        TransferDecided first = decision(transferId, d -> d.source() == DecisionSource.ENGINE);
        assertThat(first.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(World.count("SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-TEST-REVOKE'"))
                .isEqualTo(1);

        given().auth()
                .oauth2(Tokens.admin())
                .post("/api/v1/admin/licences/LIC-TEST-REVOKE/revocation")
                .then()
                .statusCode(200);

        TransferDecided second = decision(transferId, d -> d.source() == DecisionSource.REEVALUATION);
        assertThat(second.outcome()).isEqualTo(Outcome.DENY);
        assertThat(second.codes()).contains("LICENCE_INVALID");
        assertThat(second.supersedes()).isEqualTo(first.decisionId());
        assertThat(World.count("SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-TEST-REVOKE'"))
                .isZero();

        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/decisions/" + first.decisionId() + "/replay")
                .then()
                .statusCode(200)
                .body("agrees", org.hamcrest.Matchers.equalTo(true))
                .body("replayedOutcome", org.hamcrest.Matchers.equalTo("APPROVE"));
    }

    @Test
    void suspendingAPartnerDeniesItsOpenTransfers() throws Exception {
        PartnerUpdated active = partner("p-test-suspend", PartnerStatus.ACTIVE);
        kafka.publish(World.event(active));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        World.count("SELECT count(*) FROM policy.partners WHERE partner_id = 'p-test-suspend'") == 1);
        String transferId = "tr-reeval-partner-" + UUID.randomUUID();
        kafka.publish(request(
                transferId, "i-umcu", toPartner(Scenarios.named("P33").typedRequest(), "p-test-suspend", "DE")));
        TransferDecided first = decision(transferId, d -> d.source() == DecisionSource.ENGINE);
        assertThat(first.outcome()).isEqualTo(Outcome.REVIEW);

        kafka.publish(World.event(partner("p-test-suspend", PartnerStatus.SUSPENDED)));

        TransferDecided second = decision(transferId, d -> d.source() == DecisionSource.REEVALUATION);
        assertThat(second.outcome()).isEqualTo(Outcome.DENY);
        assertThat(second.codes()).contains("PARTNER_SUSPENDED");
        assertThat(second.supersedes()).isEqualTo(first.decisionId());
    }

    @Test
    void aListReloadRescreensAndAnAdjudicationHoldsUntilTheEntryChanges() {
        TransferRequest base = Scenarios.named("P33").typedRequest();
        EndUser zebulon = new EndUser("Dr. Zebulon Quarrington", "Broad Institute", "US");
        TransferRequest request = new TransferRequest(
                base.dataset(),
                base.purpose(),
                base.destination(),
                List.of(base.endUsers().get(0), zebulon),
                base.licenceIds(),
                base.dsaId(),
                base.ethicsApprovalId(),
                base.basis(),
                base.payload());
        String transferId = "tr-reeval-list-" + UUID.randomUUID();
        kafka.publish(request(transferId, "i-umcu", request));
        assertThat(decision(transferId, d -> d.source() == DecisionSource.ENGINE)
                        .outcome())
                .isEqualTo(Outcome.APPROVE);

        loadList("Zebulon Quarrington");
        TransferDecided listed =
                decision(transferId, d -> d.source() == DecisionSource.REEVALUATION && d.outcome() == Outcome.DENY);
        assertThat(listed.codes()).contains("DENIED_PARTY");
        assertThat(listed.reasons())
                .anyMatch(r -> r.evidence().stream().anyMatch(e -> e.id().equals("SYN-TEST-77001")));

        given().auth()
                .oauth2(Tokens.reviewer("rita@eco"))
                .contentType("application/json")
                .body("""
                        {"entryId": "SYN-TEST-77001", "screenedName": "Dr. Zebulon Quarrington",
                         "verdict": "NOT_THIS_PARTY", "justification": "Different date of birth and passport, checked with Broad HR."}
                        """)
                .post("/api/v1/screening/adjudications")
                .then()
                .statusCode(201)
                .body("current", org.hamcrest.Matchers.equalTo(true));
        TransferDecided cleared =
                decision(transferId, d -> d.source() == DecisionSource.REEVALUATION && d.outcome() == Outcome.APPROVE);
        assertThat(cleared.supersedes()).isEqualTo(listed.decisionId());

        loadList("Zebulon Quarrington;Z. Quarrington");
        TransferDecided again = decision(
                transferId,
                d -> d.source() == DecisionSource.REEVALUATION
                        && d.supersedes() != null
                        && d.supersedes().equals(cleared.decisionId()));
        assertThat(again.outcome()).isEqualTo(Outcome.DENY);
    }

    private static void loadList(String names) {
        String[] all = names.split(";");
        String aliases = all.length > 1 ? all[1] : "";
        String csv = "source_list,entry_id,type,name,alt_names,country,programs,addresses,remarks\n"
                + "US_SDN,SYN-TEST-77001,individual," + all[0] + "," + aliases + ",US,NPWMD,,synthetic\n";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/admin/screening-lists/test-reevaluation")
                .then()
                .statusCode(200);
    }

    private TransferDecided decision(String transferId, Predicate<TransferDecided> match) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DECIDED.topicName(),
                r -> transferId.equals(r.key()) && match.test(r.event().dataAs(TransferDecided.class)),
                Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(TransferDecided.class);
    }

    static Event<TransferRequested> request(String transferId, String institution, TransferRequest request) {
        return Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + institution, List.of("submitter"), institution, null),
                new TransferRequested(transferId, institution, request),
                Clock.systemUTC());
    }

    private static TransferRequest toPartner(TransferRequest r, String partnerId, String country) {
        return new TransferRequest(
                r.dataset(),
                r.purpose(),
                new org.sluice.events.transfer.Destination(partnerId, country),
                List.of(new EndUser("Dr. Hanna Vogel", "Test Partner Institute", country)),
                r.licenceIds(),
                r.dsaId(),
                r.ethicsApprovalId(),
                r.basis(),
                r.payload());
    }

    private static PartnerUpdated partner(String id, PartnerStatus status) {
        return new PartnerUpdated(
                id,
                "Test Partner Institute",
                "DE",
                status,
                status == PartnerStatus.SUSPENDED ? "test suspension" : null,
                ProfitStatus.NOT_FOR_PROFIT,
                false,
                PackageFormat.CRYPT4GH,
                List.of(new PartnerKey(
                        id + "-k",
                        PackageFormat.CRYPT4GH,
                        "sha256:" + "ab".repeat(32),
                        LocalDate.parse("2024-01-01"),
                        LocalDate.parse("2031-12-31"))));
    }
}
