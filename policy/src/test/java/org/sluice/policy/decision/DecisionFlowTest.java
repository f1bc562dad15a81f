package org.sluice.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.DecisionSource;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.events.transfer.TransferRequested;
import org.sluice.policy.Channels;
import org.sluice.policy.Scenarios;
import org.sluice.policy.World;
import org.sluice.testsupport.KafkaTestClient;

/** Requests arrive on Kafka and leave as decisions, once each, whatever is redelivered or paused. */
@QuarkusTest
class DecisionFlowTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Inject
    ChannelRegistry channels;

    @BeforeEach
    void seed() {
        World.seed();
    }

    @Test
    void anEligibleRequestIsApprovedWithItsBundleAndValidity() {
        Event<TransferRequested> request = request("P01", "tr-flow-approve-" + UUID.randomUUID());
        kafka.publish(request);

        TransferDecided decided = decisionOf(request.data().transferId());
        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(decided.source()).isEqualTo(DecisionSource.ENGINE);
        assertThat(decided.institutionId()).isEqualTo("i-umcu");
        assertThat(decided.partnerId()).isEqualTo("p-charite");
        assertThat(decided.bundle().id()).isEqualTo("default");
        assertThat(decided.bundle().digest()).startsWith("sha256:");
        assertThat(decided.validUntil())
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    }

    @Test
    void aDeniedRequestCarriesEveryReasonWithCodeRuleCitationAndRemedy() {
        Event<TransferRequested> request = request("P03", "tr-flow-deny-" + UUID.randomUUID());
        kafka.publish(request);

        TransferDecided decided = decisionOf(request.data().transferId());
        assertThat(decided.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decided.validUntil()).isNull();
        Reason embargo = decided.reasons().stream()
                .filter(r -> r.code().equals("EMBARGOED_DESTINATION"))
                .findFirst()
                .orElseThrow();
        assertThat(embargo.ruleId()).isEqualTo("destination.embargo");
        assertThat(embargo.citation()).contains("267/2012");
        assertThat(embargo.explanation()).isNotBlank();
        assertThat(embargo.remediation()).isNotBlank();
        assertThat(embargo.evidence()).anyMatch(e -> e.id().equals("IR"));
        assertThat(decided.reasons())
                .allMatch(r -> !r.code().isBlank() && !r.ruleId().isBlank());
    }

    @Test
    void theSameRequestEventDeliveredTwiceIsDecidedOnce() {
        Event<TransferRequested> request = request("P33", "tr-flow-twice-" + UUID.randomUUID());
        kafka.publish(request);
        kafka.publish(request);
        Event<TransferRequested> marker = request("P33", "tr-flow-marker-" + UUID.randomUUID());
        kafka.publish(marker);

        decisionOf(marker.data().transferId());
        List<TransferDecided> decisions =
                kafka.readAll(Topic.TRANSFER_DECIDED.topicName(), Duration.ofSeconds(2)).stream()
                        .map(r -> r.event().dataAs(TransferDecided.class))
                        .filter(d -> d.transferId().equals(request.data().transferId()))
                        .toList();
        assertThat(decisions).hasSize(1);
    }

    @Test
    void aRequestWaitingWhileConsumptionIsStoppedIsDecidedOnceAfterItResumes() {
        var requests = channels.getPausable(Channels.REQUESTS);
        requests.pause();
        Event<TransferRequested> request = request("P33", "tr-flow-paused-" + UUID.randomUUID());
        try {
            kafka.publish(request);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> World.count("SELECT count(*) FROM policy.transfers WHERE transfer_id = '"
                                    + request.data().transferId() + "'")
                            == 0);
        } finally {
            requests.resume();
        }

        TransferDecided decided = decisionOf(request.data().transferId());
        assertThat(decided.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(kafka.readAll(Topic.TRANSFER_DECIDED.topicName(), Duration.ofSeconds(2)).stream()
                        .filter(r -> request.data().transferId().equals(r.key())))
                .hasSize(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        kafka.send(
                Topic.TRANSFER_REQUESTED.topicName(),
                "tr-flow-garbage",
                "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8));
        Event<TransferRequested> after = request("P33", "tr-flow-after-poison-" + UUID.randomUUID());
        kafka.publish(after);

        var dead = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.dlqName(), r -> "tr-flow-garbage".equals(r.key()), Duration.ofSeconds(30));
        var garbage = dead.get(dead.size() - 1);
        assertThat(garbage.headers().get("dead-letter-reason")).startsWith("not JSON");
        assertThat(garbage.headers()).containsEntry("dead-letter-topic", Topic.TRANSFER_REQUESTED.topicName());
        assertThat(decisionOf(after.data().transferId()).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aCancelledApprovalGivesBackItsQuota() throws Exception {
        World.putLicence("LIC-TEST-CANCEL", "INDIVIDUAL", 5, java.time.LocalDate.parse("2030-12-31"), false);
        var request = Scenarios.citing(Scenarios.named("P28").typedRequest(), List.of("LIC-TEST-CANCEL"));
        String transferId = "tr-flow-cancel-" + UUID.randomUUID();
        kafka.publish(Event.of(
                "/sluice/gateway",
                Principal.system("gateway"),
                new TransferRequested(transferId, "i-rivm", request),
                Clock.systemUTC()));
        assertThat(decisionOf(transferId).outcome()).isEqualTo(Outcome.APPROVE);
        String used = "SELECT used_transfers FROM policy.licences WHERE licence_id = 'LIC-TEST-CANCEL'";
        await().atMost(Duration.ofSeconds(10)).until(() -> World.count(used) == 1);

        kafka.publish(Event.of(
                "/sluice/gateway",
                Principal.system("gateway"),
                new TransferCancelled(transferId, "i-rivm", "no longer needed"),
                Clock.systemUTC()));

        await().atMost(Duration.ofSeconds(30)).until(() -> World.count(used) == 0);
        assertThat(World.count(
                        "SELECT count(*) FROM policy.transfers WHERE cancelled AND transfer_id = '" + transferId + "'"))
                .isEqualTo(1);
    }

    private TransferDecided decisionOf(String transferId) {
        var records = kafka.readUntil(
                Topic.TRANSFER_DECIDED.topicName(), r -> transferId.equals(r.key()), Duration.ofSeconds(60));
        return records.get(records.size() - 1).event().dataAs(TransferDecided.class);
    }

    static Event<TransferRequested> request(String scenario, String transferId) {
        Scenarios.Scenario s = Scenarios.named(scenario);
        return Event.of(
                "/sluice/gateway",
                new Principal("submitter@" + s.submitter(), List.of("submitter"), s.submitter(), null),
                new TransferRequested(transferId, s.submitter(), s.typedRequest()),
                Clock.systemUTC());
    }
}
