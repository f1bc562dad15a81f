package org.sluice.crypto.crypt4gh;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Crypt4GH public key files and key fingerprints. */
public final class Crypt4ghKeys {
    private Crypt4ghKeys() {}

    /** The 32 raw bytes of an X25519 public key from its {@code CRYPT4GH PUBLIC KEY} file text. */
    public static byte[] readPublicKeyFile(String keyFileText) throws Crypt4ghException {
        byte[] key = KeyArmour.unwrap(KeyArmour.PUBLIC, keyFileText);
        if (key.length != Format.KEY_BYTES) {
            throw new KeyFileException("a Crypt4GH public key has 32 bytes, found " + key.length);
        }
        return key;
    }

    /** The {@code CRYPT4GH PUBLIC KEY} file text of a 32-byte X25519 public key. */
    public static String publicKeyFile(byte[] publicKey) {
        requireKey(publicKey, "public key");
        return KeyArmour.wrap(KeyArmour.PUBLIC, publicKey);
    }

    /** {@code sha256:} and the hex SHA-256 of the 32 raw bytes of a public key. */
    public static String fingerprint(byte[] publicKey) {
        requireKey(publicKey, "public key");
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static void requireKey(byte[] key, String what) {
        if (key == null || key.length != Format.KEY_BYTES) {
            throw new IllegalArgumentException(
                    "an X25519 " + what + " has 32 bytes, found " + (key == null ? "none" : key.length));
        }
    }
}
