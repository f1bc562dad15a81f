package org.sluice.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.FreePorts;

/**
 * What the gateway needs beyond broker and database in tests: a manifest signing key generated for the
 * run, and an HTTP port known before start, so the precheck client can reach the stand-in policy resource
 * that the tests serve from the gateway itself.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SigningKey signingKey;
    private static volatile SigningKey retiredKey;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-keys"));
            SigningKey key = SigningKey.generate();
            Path keyFile = dir.resolve("manifest-signing.pem");
            Files.writeString(keyFile, key.privateKeyPem(), StandardCharsets.US_ASCII);
            signingKey = key;
            retiredKey = SigningKey.generate();
            Path retiredFile = dir.resolve("retired-signing.pub.pem");
            Files.writeString(retiredFile, retiredKey.publicKeyPem(), StandardCharsets.US_ASCII);
            int port = FreePorts.pick();
            return Map.of(
                    "sluice.gateway.signing.key-file", keyFile.toAbsolutePath().toString(),
                    "sluice.gateway.signing.retired-public-keys",
                            retiredFile.toAbsolutePath().toString(),
                    "quarkus.http.test-port", Integer.toString(port),
                    "sluice.gateway.policy.url", "http://127.0.0.1:" + port + "/test-policy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}

    /** A key rotated out before this run: served as retired, signs nothing. */
    public static SigningKey retiredKey() {
        return retiredKey;
    }

    /** The key the gateway signs manifests with in this run. */
    public static SigningKey signingKey() {
        return signingKey;
    }
}
