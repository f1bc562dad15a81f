package org.sluice.crypto.crypt4gh;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 and the shared key of a header packet as libsodium's {@code crypto_kx} derives it (the reader is
 * the client, the writer the server): the first 32 bytes of BLAKE2b-512(DH || reader pk || writer pk).
 */
final class KeyExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyExchange() {}

    static byte[] generateSecret() {
        byte[] secret = new byte[Format.KEY_BYTES];
        X25519.generatePrivateKey(RANDOM, secret);
        return secret;
    }

    static byte[] publicKey(byte[] secret) {
        byte[] pub = new byte[Format.KEY_BYTES];
        X25519.generatePublicKey(secret, 0, pub, 0);
        return pub;
    }

    /** The key a writer seals a header packet with for {@code readerPublic}. */
    static byte[] writerKey(Crypt4ghKeyPair writer, byte[] readerPublic) {
        return derive(writer.secretKey(), readerPublic, readerPublic, writer.publicKey());
    }

    /** The key a reader opens a header packet with, sealed by {@code writerPublic}; null for a weak key. */
    static byte[] readerKey(Crypt4ghKeyPair reader, byte[] writerPublic) {
        return derive(reader.secretKey(), writerPublic, reader.publicKey(), writerPublic);
    }

    private static byte[] derive(byte[] ownSecret, byte[] peerPublic, byte[] readerPublic, byte[] writerPublic) {
        byte[] dh = new byte[Format.KEY_BYTES];
        // false when the peer key is of small order (an all-zero secret): libsodium refuses it too
        if (!X25519.calculateAgreement(ownSecret, 0, peerPublic, 0, dh, 0)) {
            return null;
        }
        Blake2bDigest blake2b = new Blake2bDigest(512);
        blake2b.update(dh, 0, dh.length);
        blake2b.update(readerPublic, 0, readerPublic.length);
        blake2b.update(writerPublic, 0, writerPublic.length);
        byte[] hash = new byte[64];
        blake2b.doFinal(hash, 0);
        Arrays.fill(dh, (byte) 0);
        byte[] key = Arrays.copyOf(hash, Format.KEY_BYTES);
        Arrays.fill(hash, (byte) 0);
        return key;
    }
}
