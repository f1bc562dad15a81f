package org.sluice.crypto.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.json.Json;

class ManifestVerifierTest {
    private static final SigningKey GATEWAY = SigningKey.generate();
    private static final ManifestVerifier PARTNER = ManifestVerifier.trusting(GATEWAY.publicKey());
    private static final Manifest MANIFEST = manifest();

    private static Manifest manifest() {
        try {
            return SealedPackage.of(1_000, Crypt4ghKeyPair.generate(), Crypt4ghKeyPair.generate())
                    .manifest();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignedManifestIsCanonicalJsonAndVerifies() throws Exception {
        SignedManifest signed = SignedManifest.sign(MANIFEST, GATEWAY);
        String json = new String(signed.toJson(), StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith("{\"manifest\":{\"dataset\":{")
                .contains("},\"signature\":{\"algorithm\":\"Ed25519\"");
        assertThat(json).contains("\"package\":{\"bodySha256\":").contains("\"sealedAt\":\"2026-11-23T10:15:30Z\"");
        assertThat(signed.signature().keyId()).isEqualTo(GATEWAY.keyId());
        assertThat(PARTNER.verify(signed.toJson())).isEqualTo(MANIFEST);
        assertThat(PARTNER.verify(signed)).isEqualTo(MANIFEST);
    }

    @Test
    void anAuditReceiptIsSignedWithTheManifestAndAbsentFromManifestsWithoutOne() throws Exception {
        AuditReceipt receipt = new AuditReceipt(
                "ev-1",
                41,
                "bGVhZg==",
                "e30=",
                42,
                "cm9vdA==",
                "sluice.example/audit\n42\ncm9vdA==\n",
                java.util.List.of("aA=="));
        Manifest withReceipt = MANIFEST.withAuditReceipt(receipt);
        byte[] signed = SignedManifest.sign(withReceipt, GATEWAY).toJson();

        assertThat(new String(SignedManifest.sign(MANIFEST, GATEWAY).toJson(), StandardCharsets.UTF_8))
                .doesNotContain("auditReceipt");
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains("\"auditReceipt\":{\"checkpoint\":");
        Manifest verified = PARTNER.verify(signed);
        assertThat(verified.auditReceipt()).isEqualTo(receipt);
        assertThat(verified).isEqualTo(withReceipt);

        ObjectNode tampered = (ObjectNode) Json.mapper().readTree(signed);
        ((ObjectNode) tampered.get("manifest").get("auditReceipt")).put("leafIndex", 40);
        assertThatThrownBy(() -> PARTNER.verify(Json.mapper().writeValueAsBytes(tampered)))
                .isInstanceOf(ManifestSignatureException.class);
    }

    @Test
    void manifestSignedByOtherKey() throws Exception {
        SigningKey other = SigningKey.generate();
        byte[] untrusted = SignedManifest.sign(MANIFEST, other).toJson();
        assertThatThrownBy(() -> PARTNER.verify(untrusted))
                .isInstanceOf(ManifestSignatureException.class)
                .hasMessage("the manifest is signed by key " + other.keyId() + ", which is not trusted (trusted: ["
                        + GATEWAY.keyId() + "])");

        SignedManifest forged = SignedManifest.sign(MANIFEST, other);
        SignedManifest claimed = new SignedManifest(
                MANIFEST,
                new ManifestSignature(
                        GATEWAY.keyId(),
                        forged.signature().algorithm(),
                        forged.signature().value()));
        assertThatThrownBy(() -> PARTNER.verify(claimed.toJson()))
                .isInstanceOf(ManifestSignatureException.class)
                .hasMessage("the signature does not verify with trusted key " + GATEWAY.keyId()
                        + ": the manifest was altered or signed by another key");
    }

    @Test
    void anyAlteredFieldBreaksTheSignature() throws Exception {
        ObjectNode tree = (ObjectNode)
                Json.mapper().readTree(SignedManifest.sign(MANIFEST, GATEWAY).toJson());
        ((ObjectNode) tree.get("manifest").get("plaintext")).put("sizeBytes", 999);
        assertThatThrownBy(() -> PARTNER.verify(Json.mapper().writeValueAsBytes(tree)))
                .isInstanceOf(ManifestSignatureException.class)
                .hasMessageContaining("the manifest was altered");
    }

    @Test
    void fieldsANewerGatewayAddsAreCoveredByTheSignature() throws Exception {
        ObjectNode tree = (ObjectNode)
                Json.mapper().readTree(SignedManifest.sign(MANIFEST, GATEWAY).toJson());
        ObjectNode manifest = (ObjectNode) tree.get("manifest");
        manifest.put("receipt", "audit-receipt");
        byte[] canonical = org.sluice.events.json.CanonicalJson.toBytes(manifest);
        tree.set(
                "signature",
                Json.mapper()
                        .valueToTree(new ManifestSignature(
                                GATEWAY.keyId(),
                                "Ed25519",
                                java.util.Base64.getEncoder().encodeToString(GATEWAY.sign(canonical)))));

        // pretty-printed, members in another order: the canonical form is what is signed
        byte[] reformatted = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        assertThat(PARTNER.verify(reformatted)).isEqualTo(MANIFEST);
    }

    @Test
    void malformedDocumentsNameTheirDefect() {
        assertThatThrownBy(() -> PARTNER.verify("{\"manifest\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageStartingWith("a signed manifest is a JSON object, found malformed JSON");
        assertThatThrownBy(() -> PARTNER.verify("{\"manifest\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessage("a signed manifest has an object member 'manifest', found array");
    }

    @Test
    void aSignedManifestMissingAFieldDoesNotBind() throws Exception {
        ObjectNode manifest = (ObjectNode) Json.mapper().valueToTree(MANIFEST);
        manifest.remove("transferId");
        byte[] canonical = org.sluice.events.json.CanonicalJson.toBytes(manifest);
        Map<String, Object> doc = Map.of(
                "manifest",
                manifest,
                "signature",
                new ManifestSignature(
                        GATEWAY.keyId(),
                        "Ed25519",
                        java.util.Base64.getEncoder().encodeToString(GATEWAY.sign(canonical))));
        assertThatThrownBy(() -> PARTNER.verify(Json.mapper().writeValueAsBytes(doc)))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageContaining("manifest field 'transferId' is required");
    }
}
