package org.sluice.crypto.crypt4gh;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The {@code c4gh-v1} secret key structure: magic, KDF name, [KDF options: rounds and salt], cipher name,
 * key blob, optional comment; every field but the magic prefixed by its 2-byte big-endian length. A
 * protected key is sealed with ChaCha20-Poly1305 under scrypt(passphrase, salt, N=2^14, r=8, p=1).
 */
final class SecretKeyFile {
    private static final byte[] MAGIC = "c4gh-v1".getBytes(StandardCharsets.US_ASCII);
    private static final String NONE = "none";
    private static final String SCRYPT = "scrypt";
    private static final String CHACHA20_POLY1305 = "chacha20_poly1305";
    private static final int SALT_BYTES = 16;

    private SecretKeyFile() {}

    static byte[] decode(byte[] structure, char[] passphrase) throws KeyFileException {
        if (structure.length < MAGIC.length || !Arrays.equals(structure, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeyFileException("not a Crypt4GH secret key: expected the magic 'c4gh-v1'");
        }
        ByteBuffer in = ByteBuffer.wrap(structure).position(MAGIC.length);
        String kdf = ascii(field(in, "KDF name"));
        byte[] kdfOptions = NONE.equals(kdf) ? new byte[0] : field(in, "KDF options");
        String cipher = ascii(field(in, "cipher name"));
        byte[] blob = field(in, "key");
        if (NONE.equals(cipher)) {
            if (!NONE.equals(kdf)) {
                throw new KeyFileException("an unprotected key has KDF 'none', found '" + kdf + "'");
            }
            return requireSecret(blob);
        }
        if (!CHACHA20_POLY1305.equals(cipher)) {
            throw new KeyFileException(
                    "unsupported key cipher: expected 'chacha20_poly1305' or 'none', found '" + cipher + "'");
        }
        if (!SCRYPT.equals(kdf)) {
            throw new KeyFileException("unsupported key KDF: expected 'scrypt', found '" + kdf + "'");
        }
        if (kdfOptions.length != 4 + SALT_BYTES) {
            throw new KeyFileException(
                    "scrypt options are 4 bytes of rounds and a 16-byte salt, found " + kdfOptions.length + " bytes");
        }
        if (passphrase == null) {
            throw new WrongPassphraseException("the secret key is passphrase-protected: a passphrase is required");
        }
        byte[] wrappingKey = scrypt(passphrase, Arrays.copyOfRange(kdfOptions, 4, kdfOptions.length));
        try {
            byte[] secret = new Aead().open(wrappingKey, blob);
            if (secret == null) {
                throw new WrongPassphraseException("wrong passphrase: the secret key does not unlock with it");
            }
            return requireSecret(secret);
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    static byte[] encode(byte[] secret, char[] passphrase, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        if (passphrase == null) {
            writeField(out, NONE.getBytes(StandardCharsets.US_ASCII));
            writeField(out, NONE.getBytes(StandardCharsets.US_ASCII));
            writeField(out, secret);
        } else {
            byte[] salt = Aead.randomBytes(SALT_BYTES);
            byte[] wrappingKey = scrypt(passphrase, salt);
            writeField(out, SCRYPT.getBytes(StandardCharsets.US_ASCII));
            // 4 bytes of rounds (unused by scrypt, written as 0 like the reference tool), then the salt
            writeField(
                    out, ByteBuffer.allocate(4 + SALT_BYTES).putInt(0).put(salt).array());
            writeField(out, CHACHA20_POLY1305.getBytes(StandardCharsets.US_ASCII));
            writeField(out, new Aead().seal(wrappingKey, secret));
            Arrays.fill(wrappingKey, (byte) 0);
        }
        if (comment != null && !comment.isEmpty()) {
            writeField(out, comment.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] scrypt(char[] passphrase, byte[] salt) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return SCrypt.generate(bytes, salt, 1 << 14, 8, 1, Format.KEY_BYTES);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] requireSecret(byte[] secret) throws KeyFileException {
        if (secret.length != Format.KEY_BYTES) {
            throw new KeyFileException("a Crypt4GH secret key has 32 bytes, found " + secret.length);
        }
        return secret;
    }

    private static byte[] field(ByteBuffer in, String what) throws KeyFileException {
        if (in.remaining() < 2) {
            throw new KeyFileException("secret key ends before its " + what);
        }
        int length = Short.toUnsignedInt(in.getShort());
        if (in.remaining() < length) {
            throw new KeyFileException(
                    "secret key field '" + what + "' declares " + length + " bytes, " + in.remaining() + " remain");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static void writeField(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
