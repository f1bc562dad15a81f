package org.sluice.gateway.staging;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.gateway.GatewayConfig;

/**
 * The gateway's own Crypt4GH key: every upload is encrypted to it as it streams in, so no plaintext ever
 * rests. Loaded at startup from the configured key file; a missing or unreadable key stops the service.
 */
@Startup
@ApplicationScoped
public class StagingKey {

    private final Crypt4ghKeyPair key;

    public StagingKey(GatewayConfig config) {
        GatewayConfig.StagingKeyConfig c = config.stagingKey();
        try {
            String text = Files.readString(c.file(), StandardCharsets.US_ASCII);
            char[] passphrase = c.passphrase().map(String::toCharArray).orElse(null);
            this.key = Crypt4ghKeyPair.fromSecretKeyFile(text, passphrase);
        } catch (Crypt4ghException e) {
            throw new IllegalStateException("the staging key " + c.file() + " is unusable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging key " + c.file(), e);
        }
    }

    /** Encrypts what is written to the returned stream into {@code sink}; the header is in sink when this returns. */
    public OutputStream encrypt(OutputStream sink) throws IOException {
        return org.sluice.crypto.crypt4gh.Crypt4ghWriter.encrypt(sink, key, List.of(key.publicKey()));
    }

    /** Reads a staged file's header (and only the header) with the staging key. */
    public Crypt4ghHeader readHeader(java.io.InputStream staged) throws IOException {
        return Crypt4ghHeader.read(staged, key);
    }

    /** The key pair, for writing new headers of a staged body. */
    public Crypt4ghKeyPair keyPair() {
        return key;
    }
}
