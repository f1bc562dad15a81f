package org.sluice.transparency.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 (Certificate Transparency 2.0) §2.1.1 with SHA-256: a leaf is
 * {@code H(0x00 || entry)}, an interior node {@code H(0x01 || left || right)}, the empty tree
 * {@code H()}. The two prefixes keep a leaf from ever passing for a node (second-preimage resistance).
 */
public final class Rfc9162 {

    /** Bytes in every hash. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();

    private Rfc9162() {}

    /** The leaf hash of an entry. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        return sha.digest(entry);
    }

    /** The hash of an interior node from its children's hashes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The largest power of two smaller than {@code n} (the split point k of RFC 9162), for n > 1. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
