package org.sluice.audit.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.sluice.audit.AuditConfig;
import org.sluice.crypto.sign.SignatureException;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;

/** Holds the log's Ed25519 key, read once from the configured file, and signs checkpoints with it. */
@ApplicationScoped
public class CheckpointSigner {

    private final SigningKey key;

    public CheckpointSigner(AuditConfig config) {
        try {
            this.key = SigningKey.fromPem(Files.readString(config.checkpoint().keyFile(), StandardCharsets.US_ASCII));
        } catch (IOException | SignatureException e) {
            throw new IllegalStateException(
                    "cannot read the checkpoint signing key from sluice.audit.checkpoint.key-file ("
                            + config.checkpoint().keyFile() + "): " + e.getMessage(),
                    e);
        }
    }

    /** The signed note of a checkpoint. */
    public String sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint, key);
    }

    /** The id of the key. */
    public String keyId() {
        return key.keyId();
    }

    /** The public key in PEM, for verifiers. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }
}
