package org.sluice.cli.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.sluice.cli.Session;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.UnexpectedAnswerException;
import org.sluice.crypto.manifest.AuditReceipt;
import org.sluice.crypto.manifest.Manifest;
import org.sluice.crypto.manifest.ManifestVerifier;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SignatureException;
import org.sluice.transparency.receipt.ReceiptException;
import org.sluice.transparency.receipt.ReceiptVerifier;
import picocli.CommandLine.Option;

/** Which gateway keys a manifest must be signed by: {@code --trust FILE...}, else the keys the gateway publishes. */
public final class TrustOptions {

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            description = "A gateway manifest-signing public key (PEM) to trust; repeatable. Pins the keys: without"
                    + " it, the keys the gateway publishes at /api/v1/keys are trusted.")
    private List<Path> trusted = new ArrayList<>();

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            description = "The audit log's public key (PEM, from GET /api/v1/audit/checkpoints/key): the checkpoint of"
                    + " the manifest's audit receipt must carry its signature. Without it the receipt's inclusion proof"
                    + " is still checked against the checkpoint, but not who signed that.")
    private Path auditKey;

    @Option(
            names = "--audit-origin",
            paramLabel = "ORIGIN",
            defaultValue = "sluice.example/audit",
            description = "The audit log's origin line, as its checkpoints name it (default: ${DEFAULT-VALUE}).")
    private String auditOrigin;

    /**
     * Checks the manifest's audit receipt, when it carries one: the logged entry is the approval the manifest
     * names, its inclusion proof leads to the checkpoint's root (signed by {@code --audit-key} when given).
     */
    void checkAuditReceipt(Session session, Manifest manifest) throws IOException {
        AuditReceipt receipt = manifest.auditReceipt();
        if (receipt == null) {
            session.status("the manifest carries no audit receipt");
            return;
        }
        PublicKey logKey = null;
        if (auditKey != null) {
            try {
                logKey = Ed25519.publicKeyFromPem(Files.readString(auditKey, StandardCharsets.US_ASCII));
            } catch (SignatureException e) {
                throw new IOException(auditKey + ": " + e.getMessage() + " (expected an Ed25519 public key PEM)", e);
            }
        }
        String refused = "package " + manifest.packageId() + " refused: its audit receipt ";
        ReceiptVerifier.Verified verified;
        try {
            verified = ReceiptVerifier.verify(receipt, auditOrigin, logKey);
        } catch (ReceiptException e) {
            throw new VerificationException(
                    refused + "does not verify: " + e.getMessage() + "; nothing was written", e);
        }
        String logged = verified.event().path("data").path("decisionId").asText();
        if (!logged.equals(manifest.decision().decisionId())) {
            throw new VerificationException(refused + "is of decision " + logged + ", but the manifest names "
                    + manifest.decision().decisionId() + "; nothing was written");
        }
        session.status("audit receipt: decision " + logged + " is entry " + receipt.leafIndex() + " of the audit log"
                + " (checkpoint of " + receipt.treeSize() + " entries, "
                + (verified.signatureChecked() ? "signature checked" : "signature not checked: no --audit-key") + ")");
    }

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
