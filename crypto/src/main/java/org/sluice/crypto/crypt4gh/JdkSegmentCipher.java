package org.sluice.crypto.crypt4gh;

/** The JDK's ChaCha20-Poly1305 (HotSpot intrinsics from JDK 20 on, where the CPU has them). Not thread-safe. */
final class JdkSegmentCipher implements SegmentCipher {
    private final Aead aead = new Aead();

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] plaintext, int length, byte[] out) {
        return aead.encrypt(key, nonce, plaintext, 0, length, out, 0);
    }
}
