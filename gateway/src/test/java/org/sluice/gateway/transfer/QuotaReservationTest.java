package org.sluice.gateway.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.request;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.transfer.TransferCancelled;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.Sha256;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

/**
 * A submission holds its declared bytes of the institution's quota only for
 * {@code sluice.gateway.quota.reservation-timeout} (PT3H in tests) before its upload starts.
 */
@QuarkusTest
class QuotaReservationTest {

    private static final String SHA = "ab".repeat(32);
    private static final Duration TIMEOUT = Duration.ofHours(3);

    @Inject
    QuotaReservations reservations;

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        GatewayApi.registerPartner("p-charite", "DE");
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aDeclarationWhoseUploadNeverStartsIsCancelledAtTheTimeoutAndFreesItsQuota() {
        String idle = GatewayApi.submit("i-lapse", request("p-charite", "DE", 150_000, SHA));
        submit("i-lapse", 60_000).then().statusCode(413);

        clock.advance(TIMEOUT.minusMinutes(1));
        reservations.release(null);
        submit("i-lapse", 60_000).then().statusCode(413);
        assertThat(GatewayApi.transfer("i-lapse", idle).getString("state")).isEqualTo("RECEIVED");

        clock.advance(Duration.ofMinutes(2));
        submit("i-lapse", 60_000).then().statusCode(201);

        assertThat(GatewayApi.transfer("i-lapse", idle).getString("state")).isEqualTo("CANCELLED");
        var records = kafka.readUntil(
                Topic.TRANSFER_REQUESTED.topicName(),
                r -> idle.equals(r.key()) && r.event().data() instanceof TransferCancelled,
                Duration.ofSeconds(30));
        assertThat(records.stream()
                        .filter(r -> idle.equals(r.key()) && r.event().data() instanceof TransferCancelled)
                        .count())
                .isEqualTo(1);
        var cancelled = records.get(records.size() - 1);
        assertThat(cancelled.event().dataAs(TransferCancelled.class).reason()).contains("did not start within PT3H");
        assertThat(cancelled.event().actor().isSystem()).isTrue();
        given().auth()
                .oauth2(Tokens.submitter("i-lapse"))
                .contentType("application/octet-stream")
                .body(new byte[150_000])
                .put("/api/v1/transfers/" + idle + "/payload")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://sluice.example/problems/invalid-state"));
    }

    @Test
    void anUploadThatStartedInTimeKeepsItsReservationAndFinishes() {
        byte[] payload = new byte[150_000];
        new Random(13).nextBytes(payload);
        String id =
                GatewayApi.submit("i-lapse-upload", request("p-charite", "DE", payload.length, Sha256.hex(payload)));

        clock.advance(TIMEOUT.minusMinutes(10));
        chunk(id, payload, 0, 99_999).then().statusCode(202);
        clock.advance(Duration.ofMinutes(20));
        reservations.release(null);

        submit("i-lapse-upload", 60_000).then().statusCode(413);
        assertThat(GatewayApi.transfer("i-lapse-upload", id).getString("state")).isEqualTo("RECEIVED");
        chunk(id, payload, 100_000, payload.length - 1).then().statusCode(200).body("state", equalTo("STAGED"));
    }

    private static Response submit(String institution, long sizeBytes) {
        return given().auth()
                .oauth2(Tokens.submitter(institution))
                .contentType("application/json")
                .body(request("p-charite", "DE", sizeBytes, SHA).toString())
                .post("/api/v1/transfers");
    }

    private static Response chunk(String id, byte[] payload, int first, int last) {
        return given().auth()
                .oauth2(Tokens.submitter("i-lapse-upload"))
                .contentType("application/octet-stream")
                .header("Content-Range", "bytes " + first + "-" + last + "/" + payload.length)
                .body(Arrays.copyOfRange(payload, first, last + 1))
                .put("/api/v1/transfers/" + id + "/payload");
    }
}
