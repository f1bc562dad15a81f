package org.sluice.bench.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sluice.testsupport.Fixtures;

/** A deterministic payload written by the fixtures' {@code data/make-payload.sh}. */
final class Payload {
    private Payload() {}

    /** Writes {@code size} bytes to {@code out}; returns the hex SHA-256 the script prints. */
    static String write(long size, Path out) throws IOException, InterruptedException {
        Process script = new ProcessBuilder(
                        "bash", Fixtures.path("data/make-payload.sh").toString(), Long.toString(size), out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String digest = new String(script.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (script.waitFor() != 0) {
            throw new IOException("make-payload.sh failed with exit code " + script.exitValue());
        }
        return digest;
    }
}
