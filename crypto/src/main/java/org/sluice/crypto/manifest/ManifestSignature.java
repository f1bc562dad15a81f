package org.sluice.crypto.manifest;

/**
 * A signature over the canonical JSON bytes of a manifest.
 *
 * @param keyId id of the signing key ({@code ed25519:<hex>})
 * @param algorithm {@link #ED25519}
 * @param value base64 of the signature
 */
public record ManifestSignature(String keyId, String algorithm, String value) {
    /** The only algorithm manifests are signed with. */
    public static final String ED25519 = "Ed25519";
}
