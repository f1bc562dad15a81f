package org.sluice.transparency.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.crypto.sign.SigningKey;

/**
 * The C2SP signed-note format with Ed25519 keys: the note text, a blank line, then one line per
 * signature, {@code — <key name> <base64(key hash || signature)>}, where the key hash is the first four
 * bytes of {@code SHA-256(name || 0x0A || 0x01 || raw public key)} (0x01: Ed25519) and the signature
 * covers the text exactly. Witnesses may add their own lines; verification looks for the log's.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final byte ED25519 = 0x01;

    private SignedNote() {}

    /** Signs a note text (which must end with a newline) under a key name. */
    public static String sign(String text, String keyName, SigningKey key) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = ByteBuffer.allocate(4 + signature.length)
                .put(keyHash(keyName, key.publicKey()))
                .put(signature)
                .array();
        return text + "\n" + SIGNATURE_PREFIX + keyName + " "
                + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Signs a checkpoint under its origin. */
    public static String sign(Checkpoint checkpoint, SigningKey key) {
        return sign(checkpoint.text(), checkpoint.origin(), key);
    }

    /**
     * Verifies a signed note and returns its text.
     *
     * @throws CheckpointException when the note is malformed or carries no valid signature of this key
     */
    public static String open(String note, String keyName, PublicKey key) throws CheckpointException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new CheckpointException("a signed note has a blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        byte[] expectedHash = keyHash(keyName, key);
        String[] lines = note.substring(split + 2).split("\n");
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new CheckpointException("a signature line starts with '\u2014 ', found '" + line + "'");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(keyName)) {
                continue;
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("the signature of '" + keyName + "' is not base64");
            }
            if (blob.length < 5 || !MessageDigest.isEqual(Arrays.copyOf(blob, 4), expectedHash)) {
                continue;
            }
            if (Ed25519.verify(key, text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(blob, 4, blob.length))) {
                return text;
            }
            throw new CheckpointException("the signature of '" + keyName + "' does not verify over the note text");
        }
        throw new CheckpointException(
                "the note carries no signature of '" + keyName + "' with key " + Ed25519.keyId(key));
    }

    /** Verifies a signed checkpoint of the log {@code origin}. */
    public static Checkpoint openCheckpoint(String note, String origin, PublicKey key) throws CheckpointException {
        Checkpoint checkpoint = Checkpoint.parse(open(note, origin, key));
        if (!checkpoint.origin().equals(origin)) {
            throw new CheckpointException("checkpoint of log '" + checkpoint.origin() + "', expected '" + origin + "'");
        }
        return checkpoint;
    }

    /** The four-byte key hash that names a key in signature lines. */
    static byte[] keyHash(String keyName, PublicKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            sha.update(Ed25519.raw(key));
            return Arrays.copyOf(sha.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
