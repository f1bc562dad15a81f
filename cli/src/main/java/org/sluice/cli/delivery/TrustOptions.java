package org.sluice.cli.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.sluice.cli.Session;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.UnexpectedAnswerException;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;
import picocli.CommandLine.Option;

/** Which gateway keys a manifest must be signed by: {@code --trust FILE...}, else the keys the gateway publishes. */
public final class TrustOptions {

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            description = "A gateway manifest-signing public key (PEM) to trust; repeatable. Pins the keys: without"
                    + " it, the keys the gateway publishes at /api/v1/keys are trusted.")
    private List<Path> trusted = new ArrayList<>();

    /** The verifier of the trusted keys. */
    ManifestVerifier verifier(Session session) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        if (!trusted.isEmpty()) {
            for (Path file : trusted) {
                try {
                    keys.add(Ed25519.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII)));
                } catch (SignatureException e) {
                    throw new IOException(file + ": " + e.getMessage() + " (expected an Ed25519 public key PEM)", e);
                }
            }
        } else {
            GatewayKeys published =
                    GatewayClient.bind(session.gateway().getJson(PackagePaths.KEYS), GatewayKeys.class, "key list");
            for (GatewayKeys.Key key : published.keys()) {
                keys.add(publishedKey(key));
            }
            session.status("trusting the manifest keys the gateway publishes ("
                    + keys.stream().map(Ed25519::keyId).toList() + "); pin them with --trust");
        }
        return ManifestVerifier.trusting(keys.toArray(PublicKey[]::new));
    }

    private static PublicKey publishedKey(GatewayKeys.Key key) throws UnexpectedAnswerException {
        try {
            PublicKey publicKey = Ed25519.publicKeyFromPem(key.publicKey() == null ? "" : key.publicKey());
            if (!Ed25519.keyId(publicKey).equals(key.keyId())) {
                throw new UnexpectedAnswerException("the gateway publishes key " + key.keyId()
                        + " whose public key has the id " + Ed25519.keyId(publicKey));
            }
            return publicKey;
        } catch (SignatureException e) {
            throw new UnexpectedAnswerException(
                    "the gateway publishes key " + key.keyId() + " that is not an Ed25519 public key", e);
        }
    }
}
