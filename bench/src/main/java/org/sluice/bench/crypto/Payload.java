package org.sluice.bench.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A deterministic payload written by the shared fixtures' {@code data/make-payload.sh}. */
final class Payload {
    private Payload() {}

    static Path fixtures() {
        String configured = System.getProperty("sluice.fixtures");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/fixtures").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared fixtures not found: pass -Dsluice.fixtures=<path>");
    }

    /** Writes {@code size} bytes to {@code out}; returns the hex SHA-256 the script prints. */
    static String write(long size, Path out) throws IOException, InterruptedException {
        Process script = new ProcessBuilder(
                        "bash",
                        fixtures().resolve("data/make-payload.sh").toString(),
                        Long.toString(size),
                        out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String digest = new String(script.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (script.waitFor() != 0) {
            throw new IOException("make-payload.sh failed with exit code " + script.exitValue());
        }
        return digest;
    }
}
