package org.sluice.gateway.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sluice.gateway.GatewayApi.UMCU;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghReader;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.manifest.PackageVerifier;
import org.sluice.events.Event;
import org.sluice.events.Principal;
import org.sluice.events.Topic;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.TransferDecided;
import org.sluice.events.delivery.PackageSealed;
import org.sluice.gateway.GatewayApi;
import org.sluice.gateway.GatewayTestResource;
import org.sluice.gateway.Sha256;
import org.sluice.testsupport.Fixtures;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;

@QuarkusTest
class DecisionFlowTest {

    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();
    private byte[] vcf;

    @BeforeEach
    void setUp() throws Exception {
        vcf = Files.readAllBytes(Fixtures.path("data/synthetic-chr20.vcf"));
        GatewayApi.registerPartner("p-charite", "DE");
        GatewayApi.registerPartner("p-tehran", "IR");
    }

    @Test
    void anApprovalIsSealedForThePartnerWhoDecryptsTheExactBytesUnderAVerifiedManifest() throws Exception {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> decision = GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE, "GENERAL_LICENCE");

        JsonPath status = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(status.getString("decision.decisionId"))
                .isEqualTo(decision.data().decisionId());
        assertThat(status.getString("decision.reasons[0].code")).isEqualTo("GENERAL_LICENCE");
        assertThat(status.getString("decision.reasons[0].citation")).isEqualTo("Reg. (EU) 2021/821 Art. 3");
        assertThat(status.getList("history.state")).containsExactly("RECEIVED", "STAGED", "APPROVED", "SEALED");
        assertThat(status.getString("history[2].eventId")).isEqualTo(decision.id());
        String packageId = status.getString("package.packageId");

        var sealedRecords = kafka.readUntil(
                Topic.TRANSFER_DELIVERY.topicName(),
                r -> id.equals(r.key()) && r.event().data() instanceof PackageSealed,
                Duration.ofSeconds(30));
        PackageSealed sealed =
                sealedRecords.get(sealedRecords.size() - 1).event().dataAs(PackageSealed.class);
        assertThat(sealed.packageId()).isEqualTo(packageId);
        assertThat(sealed.decisionId()).isEqualTo(decision.data().decisionId());
        assertThat(sealed.plaintextSha256()).isEqualTo(Sha256.hex(vcf));
        assertThat(sealed.policyDigest()).isEqualTo(decision.data().bundle().digest());

        given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(200)
                .body("find { it.packageId == '" + packageId + "' }.transferId", equalTo(id));
        byte[] c4gh = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId)
                .then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(sealed.packageBytes()))
                .extract()
                .asByteArray();
        byte[] manifestJson = given().auth()
                .oauth2(Tokens.partner("p-charite"))
                .get("/api/v1/partner/packages/" + packageId + "/manifest")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        Crypt4ghKeyPair charite = Crypt4ghKeyPair.fromSecretKeyFile(GatewayApi.fixture("keys/p-charite.sec"), null);
        try (InputStream plain = Crypt4ghReader.decrypt(new ByteArrayInputStream(c4gh), charite)) {
            assertThat(plain.readAllBytes()).isEqualTo(vcf);
        }
        Manifest manifest = ManifestVerifier.trusting(
                        GatewayTestResource.signingKey().publicKey())
                .verify(manifestJson);
        assertThat(manifest.transferId()).isEqualTo(id);
        assertThat(manifest.plaintext().sha256()).isEqualTo(Sha256.hex(vcf));
        assertThat(manifest.decision().policyDigest())
                .isEqualTo(decision.data().bundle().digest());
        assertThat(Sha256.hex(manifestJson)).isEqualTo(sealed.manifestSha256());
        var out = new java.io.ByteArrayOutputStream();
        PackageVerifier.verify(new ByteArrayInputStream(c4gh), manifest, charite, out);
        assertThat(out.toByteArray()).isEqualTo(vcf);
        assertThat(new String(manifestJson, StandardCharsets.UTF_8)).doesNotContain("##fileformat");
        given().auth()
                .oauth2(Tokens.metricsScraper())
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString(
                        "sluice_gateway_sealing_seconds_count{format=\"CRYPT4GH\"}"));
    }

    @Test
    void aDenialNeverProducesAPackage() {
        String id = GatewayApi.staged("p-tehran", "IR", vcf);
        GatewayApi.decide(id, "p-tehran", "IR", Outcome.DENY, "EMBARGOED_DESTINATION");

        JsonPath status = GatewayApi.awaitState(UMCU, id, "DENIED");
        assertThat(status.getString("decision.outcome")).isEqualTo("DENY");
        assertThat(status.getString("decision.reasons[0].code")).isEqualTo("EMBARGOED_DESTINATION");
        assertThat(status.getString("decision.reasons[0].remediation")).isNotBlank();
        assertThat(status.getString("decision.bundle.digest")).startsWith("sha256:");
        assertThat(status.getString("package")).isNull();
        given().auth()
                .oauth2(Tokens.partner("p-tehran"))
                .get("/api/v1/partner/packages")
                .then()
                .statusCode(200)
                .body("findAll { it.transferId == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void aLaterDecisionSupersedesAReview() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW, "FIRST_TRANSFER_TO_PARTNER");
        GatewayApi.awaitState(UMCU, id, "IN_REVIEW");

        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE_WITH_CONDITIONS, "POST_SHIPMENT_VERIFICATION");

        JsonPath status = GatewayApi.awaitState(UMCU, id, "SEALED");
        assertThat(status.getString("decision.outcome")).isEqualTo("APPROVE_WITH_CONDITIONS");
        assertThat(status.getList("history.state"))
                .containsExactly("RECEIVED", "STAGED", "IN_REVIEW", "APPROVED", "SEALED");
    }

    @Test
    void poisonOnTheDecisionTopicIsDeadLetteredWithItsReasonAndConsumptionGoesOn() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        kafka.send(
                Topic.TRANSFER_DECIDED.topicName(),
                "garbage-" + id,
                "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8));
        TransferDecided stranger = GatewayApi.decision("tr-" + "f".repeat(32), "p-charite", "DE", Outcome.APPROVE);
        kafka.publish(Event.of("/sluice/policy", Principal.system("policy"), stranger, java.time.Clock.systemUTC()));
        GatewayApi.decide(id, "p-charite", "DE", Outcome.DENY, "DSA_REQUIRED");

        GatewayApi.awaitState(UMCU, id, "DENIED");
        var dlq = kafka.readUntil(
                Topic.TRANSFER_DECIDED.dlqName(), r -> stranger.transferId().equals(r.key()), Duration.ofSeconds(30));
        var garbage = dlq.stream()
                .filter(r -> ("garbage-" + id).equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(garbage.headers().get("dead-letter-reason")).startsWith("not JSON");
        assertThat(garbage.headers()).containsEntry("dead-letter-topic", Topic.TRANSFER_DECIDED.topicName());
        assertThat(dlq.get(dlq.size() - 1).headers().get("dead-letter-reason")).contains("never received");
    }

    @Test
    void aRedeliveredDecisionTakesEffectOnce() {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        Event<TransferDecided> approval = GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);
        GatewayApi.awaitState(UMCU, id, "SEALED");

        kafka.publish(approval);
        GatewayApi.decide(id, "p-charite", "DE", Outcome.REVIEW);

        await(() -> GatewayApi.transfer(UMCU, id).getString("decision.outcome").equals("REVIEW"));
        JsonPath status = GatewayApi.transfer(UMCU, id);
        assertThat(status.getString("state")).isEqualTo("SEALED");
        assertThat(status.getList("history.state")).containsExactly("RECEIVED", "STAGED", "APPROVED", "SEALED");
    }

    @Test
    void theTransfersStateChangesStreamAsServerSentEvents() throws Exception {
        String id = GatewayApi.staged("p-charite", "DE", vcf);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/transfers/" + id + "/events"))
                .header("Authorization", "Bearer " + Tokens.submitter(UMCU))
                .header("Accept", "text/event-stream")
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);

        GatewayApi.decide(id, "p-charite", "DE", Outcome.APPROVE);

        java.util.List<String> data = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (var lines = response.body()) {
            var it = lines.iterator();
            while (data.stream().noneMatch(d -> d.contains("\"SEALED\"")) && it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    ids.add(line.substring(3).strip());
                }
            }
        }
        assertThat(data)
                .extracting(d -> io.restassured.path.json.JsonPath.from(d).getString("state"))
                .containsExactly("RECEIVED", "STAGED", "APPROVED", "SEALED");
        assertThat(ids).hasSize(4);
        given().auth()
                .oauth2(Tokens.submitter("i-lumc"))
                .get("/api/v1/transfers/" + id + "/events")
                .then()
                .statusCode(404);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }
}
