package org.sluice.crypto.crypt4gh;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An X25519 key pair as Crypt4GH uses it: the reader's or writer's key. The secret key never appears in
 * {@link #toString()}; arrays are copied in and out, so a pair cannot be changed after construction.
 *
 * @param secretKey the 32-byte X25519 secret key
 * @param publicKey the 32-byte X25519 public key belonging to it
 */
public record Crypt4ghKeyPair(byte[] secretKey, byte[] publicKey) {

    public Crypt4ghKeyPair {
        Crypt4ghKeys.requireKey(secretKey, "secret key");
        Crypt4ghKeys.requireKey(publicKey, "public key");
        secretKey = secretKey.clone();
        publicKey = publicKey.clone();
        if (!MessageDigest.isEqual(KeyExchange.publicKey(secretKey), publicKey)) {
            throw new IllegalArgumentException("the public key does not belong to the secret key");
        }
    }

    /** A fresh random key pair. */
    public static Crypt4ghKeyPair generate() {
        return fromSecretKey(KeyExchange.generateSecret());
    }

    /** The pair of a 32-byte secret key. */
    public static Crypt4ghKeyPair fromSecretKey(byte[] secretKey) {
        Crypt4ghKeys.requireKey(secretKey, "secret key");
        return new Crypt4ghKeyPair(secretKey, KeyExchange.publicKey(secretKey));
    }

    /**
     * Reads a {@code CRYPT4GH PRIVATE KEY} file ({@code c4gh-v1}); {@code passphrase} is null for an
     * unprotected key and required for a protected one.
     */
    public static Crypt4ghKeyPair fromSecretKeyFile(String keyFileText, char[] passphrase) throws Crypt4ghException {
        byte[] secret = SecretKeyFile.decode(KeyArmour.unwrap(KeyArmour.PRIVATE, keyFileText), passphrase);
        try {
            return fromSecretKey(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * The {@code CRYPT4GH PRIVATE KEY} file text of this key: unprotected when {@code passphrase} is null,
     * otherwise locked with scrypt and ChaCha20-Poly1305 as the reference tools do.
     */
    public String secretKeyFile(char[] passphrase, String comment) {
        return KeyArmour.wrap(KeyArmour.PRIVATE, SecretKeyFile.encode(secretKey, passphrase, comment));
    }

    /** The {@code CRYPT4GH PUBLIC KEY} file text of the public key. */
    public String publicKeyFile() {
        return Crypt4ghKeys.publicKeyFile(publicKey);
    }

    /** {@link Crypt4ghKeys#fingerprint} of the public key. */
    public String fingerprint() {
        return Crypt4ghKeys.fingerprint(publicKey);
    }

    @Override
    public byte[] secretKey() {
        return secretKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Crypt4ghKeyPair that && MessageDigest.isEqual(secretKey, that.secretKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Crypt4ghKeyPair[" + fingerprint() + "]";
    }
}
