package org.sluice.gateway.sealing;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestSignature;
import org.sluice.crypto.manifest.SignedManifest;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.gateway.GatewayConfig;
import org.sluice.gateway.Sha256;

/**
 * Signs manifests with the gateway's Ed25519 key, loaded at startup from the configured PKCS#8 PEM file
 * (an unreadable key stops the service rather than sealing unsigned packages). Rotation: configure the
 * new key file and list the old key's public key under {@code retired-public-keys}; manifests name the
 * key that signed them, so both old and new ones verify against {@code GET /api/v1/keys}.
 */
@Startup
@ApplicationScoped
public class ManifestSigner {

    /**
     * A signed manifest as served.
     *
     * @param json its canonical JSON
     * @param sha256 hex SHA-256 of that JSON
     * @param keyId the key that signed it
     */
    public record Signed(String json, String sha256, String keyId) {}

    private final SigningKey key;
    private final String issuer;
    private final List<SigningKeyView> publicKeys;

    public ManifestSigner(GatewayConfig config) {
        GatewayConfig.SigningConfig c = config.signing();
        try {
            this.key = SigningKey.fromPem(Files.readString(c.keyFile(), StandardCharsets.US_ASCII));
        } catch (SignatureException e) {
            throw new IllegalStateException(
                    "the manifest signing key " + c.keyFile() + " is unusable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest signing key " + c.keyFile(), e);
        }
        this.issuer = c.issuer();
        List<SigningKeyView> keys = new ArrayList<>();
        keys.add(new SigningKeyView(key.keyId(), ManifestSignature.ED25519, key.publicKeyPem(), "active"));
        for (Path retired : c.retiredPublicKeys().orElse(List.of())) {
            keys.add(retired(retired));
        }
        this.publicKeys = List.copyOf(keys);
    }

    /** The public keys manifests are verified with: the active one, then those rotated out. */
    public List<SigningKeyView> publicKeys() {
        return publicKeys;
    }

    private static SigningKeyView retired(Path file) {
        try {
            PublicKey key = Ed25519.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
            return new SigningKeyView(Ed25519.keyId(key), ManifestSignature.ED25519, Ed25519.toPem(key), "retired");
        } catch (SignatureException e) {
            throw new IllegalStateException("the retired signing key " + file + " is unusable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retired signing key " + file, e);
        }
    }

    /** The issuer named in manifests. */
    public String issuer() {
        return issuer;
    }

    /** Signs a manifest. */
    public Signed sign(Manifest manifest) {
        byte[] json = SignedManifest.sign(manifest, key).toJson();
        return new Signed(new String(json, StandardCharsets.UTF_8), Sha256.hex(json), key.keyId());
    }
}
