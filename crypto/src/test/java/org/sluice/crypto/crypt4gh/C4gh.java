package org.sluice.crypto.crypt4gh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.SplittableRandom;

/** In-memory helpers: write and read whole Crypt4GH files in tests. */
final class C4gh {
    private C4gh() {}

    static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    static byte[] encrypt(byte[] plaintext, Crypt4ghKeyPair writer, byte[]... recipients) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = Crypt4ghWriter.encrypt(file, writer, List.of(recipients))) {
            out.write(plaintext);
        }
        return file.toByteArray();
    }

    static byte[] decrypt(byte[] c4gh, Crypt4ghKeyPair reader) throws IOException {
        try (InputStream in = Crypt4ghReader.decrypt(new ByteArrayInputStream(c4gh), reader)) {
            return in.readAllBytes();
        }
    }
}
