package org.sluice.crypto.crypt4gh;

import java.io.IOException;
import java.io.InputStream;

/** Reads GA4GH Crypt4GH 1.0 as a stream of plaintext, one authenticated segment at a time. */
public final class Crypt4ghReader {
    private Crypt4ghReader() {}

    /**
     * Streams the plaintext of a Crypt4GH file for {@code reader}, applying the edit list if the header has
     * one. The header is read before this returns; failures are {@link Crypt4ghException} subclasses naming
     * the defect (and the segment index). Closing the result closes {@code c4gh}.
     */
    public static InputStream decrypt(InputStream c4gh, Crypt4ghKeyPair reader) throws IOException {
        return decrypt(Crypt4ghHeader.read(c4gh, reader), c4gh);
    }

    /** Streams the plaintext of a body whose header was already read from the same stream. */
    public static InputStream decrypt(Crypt4ghHeader header, InputStream body) {
        InputStream plaintext = new DecryptingInputStream(body, header.dataKeys());
        return header.edits() == null ? plaintext : new EditListInputStream(plaintext, header.edits());
    }
}
