package org.sluice.crypto.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys and verification (RFC 8032), on the JDK's provider. Public keys travel as PEM
 * (SubjectPublicKeyInfo) or as their 32 raw bytes; a key's id is derived from its bytes.
 */
public final class Ed25519 {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {}

    /** Verifies a signature; false for any signature that does not verify, including malformed ones. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** A public key from its 32 raw bytes. */
    public static PublicKey fromRaw(byte[] raw) throws SignatureException {
        if (raw.length != 32) {
            throw new SignatureException("an Ed25519 public key has 32 bytes, found " + raw.length);
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        return fromDer(der);
    }

    /** A public key from PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey publicKeyFromPem(String pem) throws SignatureException {
        return fromDer(Pem.decode(pem, "PUBLIC KEY"));
    }

    /** The PEM text of a public key. */
    public static String toPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** The key id: {@code ed25519:} and the first 8 bytes of SHA-256 of the raw key, in hex. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw(key));
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Base64 of the raw public key. */
    public static String rawBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(raw(key));
    }

    private static PublicKey fromDer(byte[] der) throws SignatureException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new SignatureException("not an Ed25519 public key", e);
        }
    }
}
