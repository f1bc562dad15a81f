package org.sluice.crypto.crypt4gh;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * IETF ChaCha20-Poly1305 (RFC 8439) without associated data, on the JDK's provider (faster than Bouncy
 * Castle's for bulk segments). Not thread-safe: one instance per stream.
 */
final class Aead {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Cipher cipher = newCipher();

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is not available in this JDK", e);
        }
    }

    /**
     * The JDK refuses to initialise a cipher twice in a row with the same key and nonce, even to decrypt; a
     * file may legitimately repeat a packet or a segment, so such a repeat gets a fresh cipher.
     */
    private void init(int mode, byte[] key, IvParameterSpec nonce) throws GeneralSecurityException {
        SecretKeySpec spec = new SecretKeySpec(key, "ChaCha20");
        try {
            cipher.init(mode, spec, nonce);
        } catch (InvalidKeyException e) {
            cipher = newCipher();
            cipher.init(mode, spec, nonce);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        randomize(bytes);
        return bytes;
    }

    /** Fills {@code bytes} from the one strong random source of this package. */
    static void randomize(byte[] bytes) {
        RANDOM.nextBytes(bytes);
    }

    /**
     * Encrypts {@code length} bytes of {@code in} under {@code key} and {@code nonce}; writes ciphertext and MAC
     * to {@code out} at {@code outOff} and returns their length.
     */
    int encrypt(byte[] key, byte[] nonce, byte[] in, int inOff, int length, byte[] out, int outOff) {
        try {
            init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
            return cipher.doFinal(in, inOff, length, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    /** Nonce, ciphertext and MAC as a new array. */
    byte[] seal(byte[] key, byte[] plaintext) {
        byte[] nonce = randomBytes(Format.NONCE_BYTES);
        byte[] out = new byte[Format.NONCE_BYTES + plaintext.length + Format.MAC_BYTES];
        System.arraycopy(nonce, 0, out, 0, Format.NONCE_BYTES);
        encrypt(key, nonce, plaintext, 0, plaintext.length, out, Format.NONCE_BYTES);
        return out;
    }

    /**
     * Opens nonce + ciphertext + MAC from {@code in}; writes the plaintext to {@code out} and returns its
     * length, or -1 if the MAC does not verify under this key.
     */
    int open(byte[] key, byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (length < Format.NONCE_BYTES + Format.MAC_BYTES) {
            return -1;
        }
        try {
            init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(in, inOff, Format.NONCE_BYTES));
            return cipher.doFinal(in, inOff + Format.NONCE_BYTES, length - Format.NONCE_BYTES, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
        }
    }

    /** The plaintext of nonce + ciphertext + MAC, or null if it does not authenticate under this key. */
    byte[] open(byte[] key, byte[] sealed) {
        if (sealed.length < Format.NONCE_BYTES + Format.MAC_BYTES) {
            return null;
        }
        byte[] out = new byte[sealed.length - Format.NONCE_BYTES - Format.MAC_BYTES];
        return open(key, sealed, 0, sealed.length, out, 0) < 0 ? null : out;
    }
}
