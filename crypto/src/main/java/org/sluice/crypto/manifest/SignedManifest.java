package org.sluice.crypto.manifest;

import java.util.Base64;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.events.json.CanonicalJson;

/**
 * A manifest and its signature; its JSON is {@code {"manifest":{...},"signature":{...}}}, the signature
 * being over the canonical (RFC 8785) bytes of {@code manifest}.
 *
 * @param manifest the manifest
 * @param signature its signature
 */
public record SignedManifest(Manifest manifest, ManifestSignature signature) {

    /** Signs the canonical bytes of a manifest with Ed25519. */
    public static SignedManifest sign(Manifest manifest, SigningKey key) {
        byte[] signature = key.sign(CanonicalJson.toBytes(manifest));
        return new SignedManifest(
                manifest,
                new ManifestSignature(
                        key.keyId(),
                        ManifestSignature.ED25519,
                        Base64.getEncoder().encodeToString(signature)));
    }

    /** The canonical JSON bytes served to partners. */
    public byte[] toJson() {
        return CanonicalJson.toBytes(this);
    }
}
