package org.sluice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.sluice.embedded.TokenIssuer;

/**
 * Bearer tokens for tests, one factory method per role of the architecture. The key pair is a test-only
 * key committed under {@code testsupport/}; services trust it in their test profile with
 * {@code %test.mp.jwt.verify.publickey.location=testsupport/jwt-public.pem} and the issuer below.
 */
public final class Tokens {

    /** Issuer of test tokens. */
    public static final String ISSUER = "https://sluice.test/issuer";
    /** Classpath location of the public key. */
    public static final String PUBLIC_KEY_RESOURCE = "testsupport/jwt-public.pem";

    private static final TokenIssuer ISSUER_KEYS =
            TokenIssuer.fromPem(ISSUER, read("testsupport/jwt-private.pem"), read(PUBLIC_KEY_RESOURCE));

    private Tokens() {}

    /** A token with exactly these claims. */
    public static String token(String principal, List<String> roles, String institution, String partner) {
        return ISSUER_KEYS.issue(principal, roles, institution, partner, Duration.ofHours(1));
    }

    /** A submitter of an institution, e.g. {@code i-umcu}. */
    public static String submitter(String institution) {
        return token("submitter@" + institution, List.of("submitter"), institution, null);
    }

    /** A named submitter of an institution. */
    public static String submitter(String principal, String institution) {
        return token(principal, List.of("submitter"), institution, null);
    }

    /** A reviewer of the export-control office (not a member of any submitting institution). */
    public static String reviewer(String principal) {
        return token(principal, List.of("reviewer"), "eco", null);
    }

    /** A senior reviewer of the export-control office. */
    public static String seniorReviewer(String principal) {
        return token(principal, List.of("reviewer", "senior-reviewer"), "eco", null);
    }

    /** A security analyst. */
    public static String securityAnalyst() {
        return token("analyst@soc", List.of("security-analyst"), null, null);
    }

    /** A partner principal bound to a partner id, e.g. {@code p-charite}. */
    public static String partner(String partnerId) {
        return token("svc@" + partnerId, List.of("partner"), null, partnerId);
    }

    /** An administrator. */
    public static String admin() {
        return token("admin@sluice", List.of("admin"), null, null);
    }

    /** A metrics scraper: may read {@code /q/metrics} and nothing else. */
    public static String metricsScraper() {
        return token("prometheus@sluice", List.of("metrics"), null, null);
    }

    /** A syntactically valid token signed by a key the services do not trust. */
    public static String forged() {
        return TokenIssuer.generate(ISSUER).issue("mallory", List.of("admin"), null, null, Duration.ofHours(1));
    }

    private static String read(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
