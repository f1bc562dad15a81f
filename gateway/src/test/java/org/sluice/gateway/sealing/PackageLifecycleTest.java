package org.sluice.gateway.sealing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageExpired;
import org.sluice.events.delivery.PackageHeld;
import org.sluice.events.delivery.PackageWithdrawn;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.GatewayTestResource;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.MutableClock;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class PackageLifecycleTest {

    @Inject
    PackageRetirement retirement;

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] payload;

    @BeforeEach
    void setUp() throws Exception {
        payload = Files.readAllBytes(Fixtures.path("data/synthetic-reads.fastq"));
        GatewayApi.registerPartner("p-charite", "DE");
    }

    @Test
    void anApprovalForAPartnerWithoutAValidKeyIsHeldAndSealedOnceOneIsRegistered() {
        String partner = "p-held-" + UUID.randomUUID().toString().substring(0, 8);
        GatewayApi.registerPartner(
                partner, "CA", List.of(GatewayApi.key("lakeside-2020", "p-lakeside", "2020-01-01", "2025-01-31")));
        String id = GatewayApi.staged(partner, "CA", payload);

        GatewayApi.decide(id, partner, "CA", Outcome.APPROVE);

        var held = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageHeld,
                Duration.ofSeconds(30));
        assertThat(held.get(held.size() - 1).event().dataAs(PackageHeld.class).reason())
                .contains("no key valid today");
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("APPROVED");

        GatewayApi.registerPartner(
                partner,
                "CA",
                List.of(
                        GatewayApi.key("lakeside-2020", "p-lakeside", "2020-01-01", "2025-01-31"),
                        GatewayApi.key("lakeside-2026", "p-charite", "2026-01-01", "2031-12-31")));

        var status = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(status.getString("package.recipientKeyId")).isEqualTo("lakeside-2026");
    }

    @Test
    void aHeldApprovalExpiresAtTheEndOfItsValidityAndItsDataIsPurged() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        QuarkusMock.installMockForType(clock, Clock.class);
        String partner = "p-held-" + UUID.randomUUID().toString().substring(0, 8);
        GatewayApi.registerPartner(
                partner, "CA", List.of(GatewayApi.key("lakeside-2020", "p-lakeside", "2020-01-01", "2025-01-31")));
        String id = GatewayApi.staged(partner, "CA", payload);
        TransferDecided approval = GatewayApi.decision(id, partner, "CA", Outcome.APPROVE);
        GatewayApi.decide(new TransferDecided(
                approval.transferId(),
                approval.decisionId(),
                approval.institutionId(),
                approval.partnerId(),
                approval.destinationCountry(),
                approval.category(),
                approval.outcome(),
                approval.reasons(),
                approval.conditions(),
                approval.bundle(),
                approval.source(),
                null,
                null,
                clock.instant().plus(Duration.ofDays(2)),
                approval.deciders(),
                approval.requiredDeciders()));
        kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageHeld,
                Duration.ofSeconds(30));

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        retirement.expireDue();
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("APPROVED");
        assertThat(stagedFile(id)).exists();

        clock.advance(Duration.ofMinutes(1));
        var status = GatewayApi.awaitState(UMCU, id, "EXPIRED");
        assertThat(status.getString("package")).isNull();
        assertThat(stagedFile(id)).doesNotExist();
        var expired = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageExpired,
                Duration.ofSeconds(30));
        assertThat(expired.get(expired.size() - 1)
                        .event()
                        .dataAs(PackageExpired.class)
                        .partnerId())
                .isEqualTo(partner);
    }

    @Test
    void aLaterDenialWithdrawsAnUnfetchedPackageAndPurgesItsData() {
        String id = GatewayApi.staged("p-charite", "DE", payload);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        String packageId = GatewayApi.awaitState(UMCU, id, "SEALED").getString("package.packageId");

        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DENIED_PARTY");

        var status = GatewayApi.awaitState(UMCU, id, "WITHDRAWN");
        assertThat(status.getString("package.status")).isEqualTo("WITHDRAWN");
        assertThat(status.getString("decision.outcome")).isEqualTo("DENY");
        assertThat(stagedFile(id)).doesNotExist();
        var withdrawn = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageWithdrawn,
                Duration.ofSeconds(30));
        assertThat(withdrawn
                        .get(withdrawn.size() - 1)
                        .event()
                        .dataAs(PackageWithdrawn.class)
                        .packageId())
                .isEqualTo(packageId);
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(410)
                .body("type", equalTo("https://sluice.example/problems/package-gone"));
    }

    @Test
    void aDenialAfterTheDownloadChangesNothingDelivered() {
        String id = GatewayApi.staged("p-charite", "DE", payload);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        String packageId = GatewayApi.awaitState(UMCU, id, "SEALED").getString("package.packageId");
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200);
        GatewayApi.awaitState(UMCU, id, "FETCHED");

        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DENIED_PARTY");

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "DENY".equals(GatewayApi.transfer(UMCU, id).getString("decision.outcome")));
        assertThat(GatewayApi.transfer(UMCU, id).getString("state")).isEqualTo("FETCHED");
    }

    @Test
    void anUnfetchedPackageExpiresWithItsApprovalAndItsDataIsPurged() {
        String id = GatewayApi.staged("p-charite", "DE", payload);
        TransferDecided approval = GatewayApi.decision(id, "p-charite", "DE", Outcome.APPROVE);
        GatewayApi.decide(new TransferDecided(
                approval.transferId(),
                approval.decisionId(),
                approval.institutionId(),
                approval.partnerId(),
                approval.destinationCountry(),
                approval.category(),
                approval.outcome(),
                approval.reasons(),
                approval.conditions(),
                approval.bundle(),
                approval.source(),
                null,
                null,
                Instant.now().plusSeconds(3),
                approval.deciders(),
                approval.requiredDeciders()));

        var status = GatewayApi.awaitState(UMCU, id, "EXPIRED");
        assertThat(status.getString("package.status")).isEqualTo("EXPIRED");
        assertThat(stagedFile(id)).doesNotExist();
        var expired = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageExpired,
                Duration.ofSeconds(30));
        assertThat(expired.get(expired.size() - 1)
                        .event()
                        .dataAs(PackageExpired.class)
                        .partnerId())
                .isEqualTo("p-charite");
    }

    @Test
    void theActiveAndRetiredSigningKeysArePublished() {
        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("keys[0].keyId", equalTo(GatewayTestResource.signingKey().keyId()))
                .body("keys[0].status", equalTo("active"))
                .body(
                        "keys[0].publicKey",
                        equalTo(GatewayTestResource.signingKey().publicKeyPem()))
                .body("keys[1].keyId", equalTo(GatewayTestResource.retiredKey().keyId()))
                .body("keys[1].status", equalTo("retired"));
        given().get("/api/v1/keys").then().statusCode(401);
    }

    private static Path stagedFile(String id) {
        return Path.of("target/payload-store/objects/staged/" + id + ".c4gh");
    }
}
