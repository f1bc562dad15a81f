package org.sluice.gateway.sealing;

/**
 * A manifest signing key as {@code GET /api/v1/keys} serves it.
 *
 * @param keyId the id manifests name ({@code ed25519:<hex>})
 * @param algorithm {@code Ed25519}
 * @param publicKey the public key, SubjectPublicKeyInfo PEM
 * @param status {@code active} (signs new manifests) or {@code retired} (verifies older ones)
 */
public record SigningKeyView(String keyId, String algorithm, String publicKey, String status) {}
