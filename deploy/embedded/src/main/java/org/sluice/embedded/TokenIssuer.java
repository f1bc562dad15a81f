package org.sluice.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues RS256 bearer tokens the services accept, for the local stack's demo users and for tests. A
 * deployment uses its own OIDC provider instead; the services only need its issuer and public keys.
 *
 * <p>Claims: {@code iss}, {@code sub} and {@code upn} (the principal), {@code groups} (roles),
 * {@code institution} (submitters, reviewers) and {@code partner} (partners).
 */
public final class TokenIssuer {

    /** Claim binding a submitter or reviewer to a home institution. */
    public static final String INSTITUTION_CLAIM = "institution";
    /** Claim binding a partner principal to a partner id. */
    public static final String PARTNER_CLAIM = "partner";

    private final String issuer;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private TokenIssuer(String issuer, PrivateKey privateKey, PublicKey publicKey) {
        this.issuer = issuer;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = "sluice-" + Integer.toHexString(publicKey.hashCode());
    }

    /** An issuer with a freshly generated 2048-bit RSA key. */
    public static TokenIssuer generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new TokenIssuer(issuer, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** An issuer with a key pair read from PEM (PKCS#8 private key, X.509 SubjectPublicKeyInfo public key). */
    public static TokenIssuer fromPem(String issuer, String privateKeyPem, String publicKeyPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(decodePem(privateKeyPem)));
            PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(decodePem(publicKeyPem)));
            return new TokenIssuer(issuer, priv, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA key pair in PEM", e);
        }
    }

    /** The issuer ({@code iss}) of the tokens. */
    public String issuer() {
        return issuer;
    }

    /** The public key in PEM, for {@code mp.jwt.verify.publickey.location}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The private key in PEM (PKCS#8). */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * A signed token.
     *
     * @param principal the principal id ({@code sub}, {@code upn})
     * @param roles the roles ({@code groups})
     * @param institution the home institution, or null
     * @param partner the partner id, or null
     * @param ttl how long the token is valid
     */
    public String issue(String principal, List<String> roles, String institution, String partner, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(principal);
        claims.setClaim("upn", principal);
        claims.setStringListClaim("groups", roles);
        if (institution != null) {
            claims.setClaim(INSTITUTION_CLAIM, institution);
        }
        if (partner != null) {
            claims.setClaim(PARTNER_CLAIM, partner);
        }
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
