package org.sluice.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.Event;
import org.sluice.events.Topic;
import org.sluice.events.audit.CheckpointSigned;
import org.sluice.events.decision.Outcome;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;
import org.sluice.testsupport.KafkaTestClient;
import org.sluice.testsupport.Tokens;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.ConsistencyProofVerifier;
import org.sluice.transparency.merkle.InclusionProofVerifier;
import org.sluice.transparency.merkle.Rfc9162;

@QuarkusTest
class CheckpointAndProofTest {

    private static final String ORIGIN = "sluice.example/audit";
    private final KafkaTestClient kafka = KafkaTestClient.ofTestBroker();

    @Test
    void checkpointsAreSignedNotesEachConsistentWithTheOneBeforeAndPublished() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            kafka.publish(AuditEvents.event(
                    AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE)));
        }
        AuditLogTest.awaitTrailSize(transfer, 12);
        long size = AuditLogTest.count("SELECT tree_size FROM audit.log_head");
        await().atMost(Duration.ofSeconds(20)).until(() -> latest().getLong("treeSize") >= size);

        var key = logKey();
        List<java.util.Map<String, Object>> all = analyst()
                .get("/api/v1/audit/checkpoints?fromSize=0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(all).isNotEmpty();
        byte[] previousRoot = Rfc9162.emptyRoot();
        long previousSize = 0;
        for (var c : all) {
            Checkpoint opened = SignedNote.openCheckpoint((String) c.get("note"), ORIGIN, key.publicKey());
            assertThat(opened.size()).isEqualTo(((Number) c.get("treeSize")).longValue());
            assertThat(opened.rootBase64()).isEqualTo(c.get("rootHash"));
            assertThat(((Number) c.get("previousTreeSize")).longValue()).isEqualTo(previousSize);
            @SuppressWarnings("unchecked")
            List<byte[]> proof = ((List<String>) c.get("consistencyProof"))
                    .stream().map(Base64.getDecoder()::decode).toList();
            ConsistencyProofVerifier.verify(previousSize, opened.size(), proof, previousRoot, opened.rootHash());
            previousRoot = opened.rootHash();
            previousSize = opened.size();
        }

        long published = previousSize;
        var records = kafka.readUntil(
                Topic.AUDIT_CHECKPOINTS.topicName(),
                r -> r.event().dataAs(CheckpointSigned.class).treeSize() == published,
                Duration.ofSeconds(30));
        CheckpointSigned event = records.get(records.size() - 1).event().dataAs(CheckpointSigned.class);
        assertThat(SignedNote.openCheckpoint(event.note(), ORIGIN, key.publicKey())
                        .size())
                .isEqualTo(published);
        assertThat(event.keyId()).isEqualTo(key.keyId());
    }

    @Test
    void everyEntrysInclusionProofLeadsToTheSignedRoot() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        kafka.publish(AuditEvents.event(AuditEvents.SUBMITTER, AuditEvents.cancelled(transfer)));
        AuditLogTest.awaitTrailSize(transfer, 1);
        long size = AuditLogTest.count("SELECT tree_size FROM audit.log_head");
        await().atMost(Duration.ofSeconds(20)).until(() -> latest().getLong("treeSize") >= size);
        JsonPath checkpoint = latest();
        Checkpoint signed = SignedNote.openCheckpoint(checkpoint.getString("note"), ORIGIN, logKey().publicKey());

        for (long index = 0; index < signed.size(); index++) {
            String body = analyst()
                    .get("/api/v1/audit/entries/" + index)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            var entry = Json.mapper().readTree(body);
            byte[] leaf = Rfc9162.leafHash(CanonicalJson.toBytes(entry.get("event")));
            assertThat(Base64.getEncoder().encodeToString(leaf))
                    .isEqualTo(entry.get("leafHash").asText());
            JsonPath proof = analyst()
                    .get("/api/v1/audit/proofs/inclusion?index=" + index)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(proof.getLong("treeSize")).isEqualTo(signed.size());
            InclusionProofVerifier.verify(
                    index, signed.size(), leaf, decode(proof.getList("proof", String.class)), signed.rootHash());
        }
    }

    @Test
    void proofsOfWhatTheLogDoesNotHoldAnswer404AndImpossibleRanges400() {
        analyst()
                .get("/api/v1/audit/proofs/inclusion?index=999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        analyst()
                .get("/api/v1/audit/proofs/inclusion?index=0&treeSize=999999999")
                .then()
                .statusCode(404);
        analyst()
                .get("/api/v1/audit/proofs/inclusion?index=-1")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("index"));
        analyst()
                .get("/api/v1/audit/proofs/consistency?from=5&to=2")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("range"));
        analyst().get("/api/v1/audit/entries/999999999").then().statusCode(404);
    }

    @Test
    void aPartnerGetsReceiptsForItsOwnPackagesOnlyAndTheyVerifyOffline() throws Exception {
        String transfer = "tr-" + UUID.randomUUID();
        Event<?> sealed = AuditEvents.event(AuditEvents.ENGINE, AuditEvents.sealed(transfer, "p-charite"));
        Event<?> decided =
                AuditEvents.event(AuditEvents.ENGINE, AuditEvents.decided(transfer, "i-umcu", "DE", Outcome.APPROVE));
        kafka.publish(decided);
        kafka.publish(sealed);
        AuditLogTest.awaitTrailSize(transfer, 2);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> receipt(Tokens.partner("p-charite"), sealed.id()).statusCode() == 200);
        JsonPath receipt = receipt(Tokens.partner("p-charite"), sealed.id()).jsonPath();
        byte[] entry = Base64.getDecoder().decode(receipt.getString("entry"));
        assertThat(new String(entry, StandardCharsets.UTF_8)).contains(sealed.id());
        Checkpoint checkpoint =
                SignedNote.openCheckpoint(receipt.getString("checkpoint"), ORIGIN, logKey().publicKey());
        InclusionProofVerifier.verify(
                receipt.getLong("leafIndex"),
                checkpoint.size(),
                Rfc9162.leafHash(entry),
                decode(receipt.getList("inclusionProof", String.class)),
                checkpoint.rootHash());

        assertThat(receipt(Tokens.partner("p-broad"), sealed.id()).statusCode()).isEqualTo(404);
        assertThat(receipt(Tokens.partner("p-charite"), decided.id()).statusCode())
                .isEqualTo(404);
        assertThat(receipt(Tokens.securityAnalyst(), decided.id()).statusCode()).isEqualTo(200);
        assertThat(receipt(Tokens.securityAnalyst(), "no-such-event").statusCode())
                .isEqualTo(404);
        assertThat(receipt(Tokens.submitter("i-umcu"), sealed.id()).statusCode())
                .isEqualTo(403);
    }

    private static io.restassured.response.Response receipt(String token, String eventId) {
        return given().auth().oauth2(token).get("/api/v1/audit/receipts/" + eventId);
    }

    static io.restassured.specification.RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.securityAnalyst());
    }

    static JsonPath latest() {
        var response = analyst().get("/api/v1/audit/checkpoints/latest");
        return response.statusCode() == 200 ? response.jsonPath() : JsonPath.from("{\"treeSize\":-1}");
    }

    static SigningKey logKey() throws Exception {
        return SigningKey.fromPem(Files.readString(Path.of("src/test/resources/audit-test-signing-key.pem")));
    }

    private static List<byte[]> decode(List<String> hashes) {
        return hashes.stream().map(Base64.getDecoder()::decode).toList();
    }
}
