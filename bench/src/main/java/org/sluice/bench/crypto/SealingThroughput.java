package org.sluice.bench.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sluice.crypto.crypt4gh.Crypt4ghKeyPair;
import org.sluice.crypto.crypt4gh.Crypt4ghWriter;

/**
 * Upload sealing: a payload file streamed through the Crypt4GH writer to /dev/null, against
 * {@code openssl enc -chacha20} over the same file to /dev/null, alternating run by run.
 */
final class SealingThroughput {
    private static final int READ_BUFFER = 1 << 20;

    private final Path payload;
    private final Crypt4ghKeyPair staging = Crypt4ghKeyPair.generate();

    SealingThroughput(Path payload) {
        this.payload = payload;
    }

    /** Times {@code rounds} runs of each after {@code warmups} untimed runs of each. */
    Samples[] run(int warmups, int rounds) throws IOException, InterruptedException {
        for (int i = 0; i < warmups; i++) {
            crypt4gh();
            openssl();
        }
        long[] java = new long[rounds];
        long[] openssl = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            java[i] = crypt4gh();
            openssl[i] = openssl();
        }
        return new Samples[] {new Samples(java), new Samples(openssl)};
    }

    private long crypt4gh() throws IOException {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(payload);
                OutputStream out = Crypt4ghWriter.encrypt(
                        Files.newOutputStream(Path.of("/dev/null")), staging, List.of(staging.publicKey()))) {
            byte[] buffer = new byte[READ_BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
        return System.nanoTime() - start;
    }

    private long openssl() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        "openssl",
                        "enc",
                        "-chacha20",
                        "-K",
                        "00".repeat(32),
                        "-iv",
                        "00".repeat(16),
                        "-in",
                        payload.toString(),
                        "-out",
                        "/dev/null")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (process.waitFor() != 0) {
            throw new IOException("openssl enc failed with exit code " + process.exitValue());
        }
        return System.nanoTime() - start;
    }
}
