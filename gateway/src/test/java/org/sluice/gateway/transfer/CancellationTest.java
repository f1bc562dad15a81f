package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.gateway.GatewayApi;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class CancellationTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] payload;

    @BeforeEach
    void setUp() throws Exception {
        payload = Files.readAllBytes(Fixtures.path("data/synthetic-reads.fastq"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void aStagedTransferIsCancelledItsDataPurgedAndALateApprovalSealsNothing() {
        String id = GatewayApi.staged("p-charite", "DE", payload);
        Path staged = Path.of("target/payload-store/objects/staged/" + id + ".c4gh");
        assertThat(staged).exists();

        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .delete("/api/v1/transfers/" + id + "?reason=wrong dataset")
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));

        assertThat(staged).doesNotExist();
        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof TransferCancelled,
                Duration.ofSeconds(30));
        TransferCancelled cancelled = records.get(records.size() - 1).event().dataAs(TransferCancelled.class);
        assertThat(cancelled.reason()).isEqualTo("wrong dataset");
        assertThat(cancelled.institutionId()).isEqualTo(UMCU);

        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> GatewayApi.transfer(UMCU, id).getString("decision.outcome") != null);
        var status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("CANCELLED");
        assertThat(status.getString("package")).isNull();
    }

    @Test
    void aSealedTransferCannotBeCancelled() {
        String id = GatewayApi.staged("p-charite", "DE", payload);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        GatewayApi.awaitState(UMCU, id, "SEALED");

        given().auth()
                .oauth2(Tokens.submitter(UMCU))
                .delete("/api/v1/transfers/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://sluice.example/problems/not-cancellable"));
        given().auth()
                .oauth2(Tokens.submitter("i-lumc"))
                .delete("/api/v1/transfers/" + id)
                .then()
                .statusCode(404);
    }
}
