package org.sluice.bench.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.sluice.crypto.crypt4gh.Crypt4ghHeader;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;

/**
 * Re-sealing as the gateway does it on approval: read the staged file's header with the staging key,
 * re-encrypt it for the partner and write the new header; the staged body is reused as is.
 */
final class Resealing {
    private final Crypt4ghKeyPair staging = Crypt4ghKeyPair.generate();
    private final Crypt4ghKeyPair partner = Crypt4ghKeyPair.generate();

    /** Stages {@code copies} times {@code length} bytes of the payload, encrypted for the staging key. */
    Path stage(Path payload, long length, int copies, Path staged) throws IOException {
        try (OutputStream out =
                Crypt4ghWriter.encrypt(Files.newOutputStream(staged), staging, List.of(staging.publicKey()))) {
            for (int i = 0; i < copies; i++) {
                try (InputStream in = Files.newInputStream(payload)) {
                    copy(in, out, length);
                }
            }
        }
        return staged;
    }

    /** Times {@code rounds} re-sealings of the staged file after {@code warmups} untimed ones. */
    Samples run(Path staged, Path header, int warmups, int rounds) throws IOException {
        for (int i = 0; i < warmups; i++) {
            reseal(staged, header);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            reseal(staged, header);
            nanos[i] = System.nanoTime() - start;
        }
        return new Samples(nanos);
    }

    private void reseal(Path staged, Path header) throws IOException {
        Crypt4ghHeader stagedHeader;
        try (InputStream in = Files.newInputStream(staged)) {
            stagedHeader = Crypt4ghHeader.read(in, staging);
        }
        Files.write(
                header,
                stagedHeader.reencrypt(staging, List.of(partner.publicKey())),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[1 << 20];
        while (length > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length));
            if (n < 0) {
                throw new IOException("the payload ended " + length + " bytes early");
            }
            out.write(buffer, 0, n);
            length -= n;
        }
    }
}
