package org.sluice.cli.delivery;

import java.io.IOException;
import java.util.Map;
import org.sluice.cli.Session;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.events.delivery.PackageAcknowledged;

/** Tells the gateway the plaintext digest the partner computed; the gateway compares it with its own. */
final class Acknowledgement {
    private Acknowledgement() {}

    /**
     * Sends the acknowledgement and prints the gateway's verdict.
     *
     * @throws VerificationException the gateway's digest differs (it raises a security alert)
     */
    static void send(Session session, String packageId, String plaintextSha256) throws IOException {
        PackageAcknowledged answer = GatewayClient.bind(
                session.gateway().postJson(PackagePaths.ack(packageId), Map.of("sha256", plaintextSha256), Map.of()),
                PackageAcknowledged.class,
                "acknowledgement");
        if (!answer.digestMatches()) {
            throw new VerificationException("package " + packageId + ": the gateway expected plaintext SHA-256 "
                    + answer.expectedSha256() + ", the acknowledgement reported " + answer.reportedSha256()
                    + " (the gateway raised a security alert)");
        }
        session.report("acknowledged " + packageId + ": the gateway confirms the plaintext digest");
    }
}
