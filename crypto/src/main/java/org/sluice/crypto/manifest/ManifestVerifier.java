package org.sluice.crypto.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.events.json.CanonicalJson;
import org.sluice.events.json.Json;

/**
 * Checks a signed manifest against the gateway keys a partner trusts, by key id. The signature is verified
 * over the canonical bytes of the {@code manifest} member exactly as received, so fields added by a newer
 * gateway are covered by the signature even where this version does not know them.
 */
public final class ManifestVerifier {
    private final Map<String, PublicKey> trustedKeys;

    /** Trusts the given Ed25519 public keys under their key ids. */
    public ManifestVerifier(Map<String, PublicKey> trustedKeys) {
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    /** Trusts the given Ed25519 public keys under {@link Ed25519#keyId their derived ids}. */
    public static ManifestVerifier trusting(PublicKey... keys) {
        Map<String, PublicKey> byId = new TreeMap<>();
        for (PublicKey key : keys) {
            byId.put(Ed25519.keyId(key), key);
        }
        return new ManifestVerifier(byId);
    }

    /** Verifies the JSON of a signed manifest and returns its manifest. */
    public Manifest verify(byte[] signedManifestJson) throws ManifestException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(signedManifestJson);
        } catch (JsonProcessingException e) {
            throw new ManifestFormatException(
                    "a signed manifest is a JSON object, found malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ManifestFormatException("the signed manifest cannot be read", e);
        }
        JsonNode manifest = member(root, "manifest");
        ManifestSignature signature = bind(member(root, "signature"), ManifestSignature.class, "signature");
        check(CanonicalJson.toBytes(manifest), signature);
        Manifest bound = bind(manifest, Manifest.class, "manifest");
        if (!Manifest.SCHEMA.equals(bound.schema())) {
            throw new ManifestFormatException(
                    "unknown manifest schema: expected " + Manifest.SCHEMA + ", found " + bound.schema());
        }
        return bound;
    }

    /** Verifies a signed manifest already in memory and returns its manifest. */
    public Manifest verify(SignedManifest signed) throws ManifestSignatureException {
        check(CanonicalJson.toBytes(signed.manifest()), signed.signature());
        return signed.manifest();
    }

    private void check(byte[] canonicalManifest, ManifestSignature signature) throws ManifestSignatureException {
        if (!ManifestSignature.ED25519.equals(signature.algorithm())) {
            throw new ManifestSignatureException("unsupported signature algorithm: expected "
                    + ManifestSignature.ED25519 + ", found " + signature.algorithm());
        }
        PublicKey key = signature.keyId() == null ? null : trustedKeys.get(signature.keyId());
        if (key == null) {
            throw new ManifestSignatureException("the manifest is signed by key " + signature.keyId()
                    + ", which is not trusted (trusted: " + new TreeMap<>(trustedKeys).keySet() + ")");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signature.value() == null ? "" : signature.value());
        } catch (IllegalArgumentException e) {
            throw new ManifestSignatureException("the signature value is not base64");
        }
        if (!Ed25519.verify(key, canonicalManifest, value)) {
            throw new ManifestSignatureException("the signature does not verify with trusted key " + signature.keyId()
                    + ": the manifest was altered or signed by another key");
        }
    }

    private static JsonNode member(JsonNode root, String name) throws ManifestFormatException {
        JsonNode node = root == null ? null : root.get(name);
        if (node == null || !node.isObject()) {
            throw new ManifestFormatException("a signed manifest has an object member '" + name + "', found "
                    + (node == null ? "none" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return node;
    }

    private static <T> T bind(JsonNode node, Class<T> type, String what) throws ManifestFormatException {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new ManifestFormatException("the " + what + " does not bind: " + cause.getMessage(), e);
        }
    }
}
