package org.sluice.gateway.audit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.testsupport.Tokens;

/** The gateway with an audit service (the stand-in served by the gateway itself) whose receipts go into manifests. */
public class AuditProfile implements QuarkusTestProfile {

    /** Where the stand-in log's key pair is written. */
    static final Path LOG_KEY_DIR = Path.of("target", "test-keys");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(LOG_KEY_DIR);
            Path privateKey = LOG_KEY_DIR.resolve("audit-log.pem");
            Path publicKey = LOG_KEY_DIR.resolve("audit-log.pub.pem");
            // made once: Quarkus reads every profile's overrides when it plans restarts, and a key pair made
            // anew then would no longer be the one a running gateway checks the stand-in's receipts with
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                SigningKey log = SigningKey.generate();
                Files.writeString(privateKey, log.privateKeyPem(), StandardCharsets.US_ASCII);
                Files.writeString(publicKey, log.publicKeyPem(), StandardCharsets.US_ASCII);
            }
            return Map.of(
                    "sluice.gateway.audit.url", "http://127.0.0.1:${quarkus.http.test-port}/test-audit",
                    "sluice.gateway.audit.token", Tokens.securityAnalyst(),
                    "sluice.gateway.audit.receipt-wait", "PT4S",
                    "sluice.gateway.audit.poll-interval", "1s",
                    "sluice.gateway.audit.log-public-key",
                            publicKey.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
