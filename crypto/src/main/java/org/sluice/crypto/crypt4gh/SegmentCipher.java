package org.sluice.crypto.crypt4gh;

/**
 * ChaCha20-Poly1305 (IETF, no associated data) of one data segment: the one operation sealing spends its
 * time in, behind one interface so the fastest implementation on this machine can do it.
 */
interface SegmentCipher {

    /**
     * Encrypts the first {@code length} bytes of {@code plaintext} (which starts at index 0) under {@code key}
     * and {@code nonce}; writes ciphertext then MAC to {@code out} from index 0 and returns their length.
     */
    int seal(byte[] key, byte[] nonce, byte[] plaintext, int length, byte[] out);
}
