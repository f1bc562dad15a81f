package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes GA4GH Crypt4GH 1.0: X25519 header packets, ChaCha20-Poly1305 segments of 65,536 plaintext bytes. */
public final class Crypt4ghWriter {
    /** Plaintext bytes per data segment. */
    public static final int SEGMENT_BYTES = Format.SEGMENT_BYTES;
    /** Bytes a full data segment occupies in the body: 12-byte nonce, 65,536 bytes, 16-byte MAC. */
    public static final int ENCRYPTED_SEGMENT_BYTES = Format.CIPHER_SEGMENT_BYTES;

    private Crypt4ghWriter() {}

    /**
     * Streams plaintext into Crypt4GH for the recipients under a fresh random data key. The header is written
     * to {@code sink} before this returns (callers hash the body separately); {@code close()} writes the last
     * segment and closes {@code sink}. An empty plaintext is the header alone, with no data segment.
     */
    public static OutputStream encrypt(OutputStream sink, Crypt4ghKeyPair writer, List<byte[]> recipientPublicKeys)
            throws IOException {
        byte[] dataKey = Aead.randomBytes(Format.KEY_BYTES);
        sink.write(Crypt4ghHeader.encode(List.of(dataKey), null, writer, recipientPublicKeys));
        return new EncryptingOutputStream(sink, dataKey);
    }

    /**
     * Continues the body of a Crypt4GH file under the data key of {@code header} (read with the writer's own
     * key): {@code sink} already holds the header and whole segments, and receives the next segment first.
     * Used to resume an interrupted write without rewriting what is already there; nonces are random per
     * segment, so continuing under the same key is as safe as one uninterrupted write.
     */
    public static OutputStream resume(OutputStream sink, Crypt4ghHeader header) {
        return new EncryptingOutputStream(sink, header.dataKeys().get(0).clone());
    }

    /** Bytes of the body (the data segments) for a plaintext of the given size. */
    public static long bodyLength(long plaintextBytes) {
        long segments = (plaintextBytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES;
        return plaintextBytes + segments * (ENCRYPTED_SEGMENT_BYTES - SEGMENT_BYTES);
    }
}
