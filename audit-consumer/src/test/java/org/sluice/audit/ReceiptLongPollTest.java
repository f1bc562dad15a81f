package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sluice.events.Event;
import org.sluice.events.decision.Outcome;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

/**
 * A receipt request with {@code wait} is held until a checkpoint covers its entry, so the gateway has the
 * receipt the moment it is signed: asked before the event was even published, it answers with the receipt.
 */
@QuarkusTest
class ReceiptLongPollTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Inject
    MeterRegistry meters;

    @Test
    void aHeldRequestAnswersWithTheReceiptOnceTheEntryIsLoggedAndCheckpointed() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        Event<?> decided =
                AuditEvents.event(AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE));
        // not in the log yet: asked without waiting, there is no such event
        assertThat(receipt(decided.id(), null).statusCode()).isEqualTo(404);

        double heldBefore = held();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> receipt(decided.id(), "PT10S"));
        // the request is being held before the event exists
        await().atMost(Duration.ofSeconds(10)).until(() -> held() > heldBefore);
        assertThat(held).isNotDone();
        kafka.publish(decided);

        Response answer = held.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("eventId")).isEqualTo(decided.id());
        assertThat(answer.jsonPath().getLong("treeSize"))
                .isGreaterThan(answer.jsonPath().getLong("leafIndex"));
    }

    @Test
    void aHeldRequestForAnEventNeverLoggedAnswers404WhenTheWaitIsOver() {
        Response answer = receipt("never-" + UUID.randomUUID(), "PT0.3S");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWaitThatIsNoDurationOrLongerThanTheMaximumIsRefusedNamingIt() {
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/receipts/x?wait=5")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("wait"))
                .body("errors[0].rule", equalTo("format"));
        given().auth()
                .oauth2(Tokens.securityAnalyst())
                .get("/api/v1/audit/receipts/x?wait=PT1H")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("wait"))
                .body("errors[0].rule", equalTo("maximum"));
    }

    private double held() {
        return meters.get("sluice.audit.receipts.held").gauge().value();
    }

    private static Response receipt(String eventId, String wait) {
        var request = given().auth().oauth2(Tokens.securityAnalyst());
        if (wait != null) {
            request = request.queryParam("wait", wait);
        }
        return request.get("/api/v1/audit/receipts/" + eventId);
    }
}
