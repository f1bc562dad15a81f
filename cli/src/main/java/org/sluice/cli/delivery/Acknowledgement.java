package org.sluice.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.sluice.cli.Session;
import org.sluice.cli.crypt.VerificationException;
import org.sluice.cli.http.GatewayClient;
import org.sluice.cli.http.GatewayException;
import org.sluice.cli.io.Retries;
import org.sluice.events.delivery.PackageAcknowledged;

/** Tells the gateway the plaintext digest the partner computed; the gateway compares it with its own. */
final class Acknowledgement {
    /** How often a 409 {@code not-fetched} is asked again: the gateway records a download just after serving it. */
    private static final int NOT_YET_FETCHED_RETRIES = 3;

    private Acknowledgement() {}

    /**
     * Sends the acknowledgement and prints the gateway's verdict.
     *
     * @throws VerificationException the gateway's digest differs (it raises a security alert)
     */
    static void send(Session session, String packageId, String plaintextSha256) throws IOException {
        Retries notYetFetched = new Retries(session.environment().pause(), NOT_YET_FETCHED_RETRIES);
        JsonNode body;
        while (true) {
            try {
                body = session.gateway()
                        .postJson(PackagePaths.ack(packageId), Map.of("sha256", plaintextSha256), Map.of());
                break;
            } catch (GatewayException e) {
                if (!e.is("not-fetched")) {
                    throw e;
                }
                notYetFetched.failed(() -> e);
            }
        }
        PackageAcknowledged answer = GatewayClient.bind(body, PackageAcknowledged.class, "acknowledgement");
        if (!answer.digestMatches()) {
            throw new VerificationException("package " + packageId + ": the gateway expected plaintext SHA-256 "
                    + answer.expectedSha256() + ", the acknowledgement reported " + answer.reportedSha256()
                    + " (the gateway raised a security alert)");
        }
        session.report("acknowledged " + packageId + ": the gateway confirms the plaintext digest");
    }
}
