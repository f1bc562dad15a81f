package org.sluice.bench.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Crypt4GH figures for docs/benchmarks/crypto.md, each next to its baseline measured in the same run:
 * sealing throughput on a 1 GiB payload against {@code openssl enc -chacha20}, and re-sealing time for a
 * 1 KiB against a 4 GiB staged file.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.sluice.bench.crypto.CryptoBench [parent-dir]}
 * (needs about 6 GiB free; it works in a new folder there and deletes it at the end).
 */
public final class CryptoBench {
    private static final long GIB = 1L << 30;

    private CryptoBench() {}

    public static void main(String[] args) throws Exception {
        Path work =
                args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("sluice-bench");
        try {
            System.out.printf(
                    Locale.ROOT,
                    "JVM %s %s, %d cores%n",
                    System.getProperty("java.vm.name"),
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            Path payload = work.resolve("payload-1GiB.bin");
            System.out.printf(Locale.ROOT, "payload %s sha256 %s%n", payload, Payload.write(GIB, payload));

            Samples[] sealing = new SealingThroughput(payload).run(2, 7);
            double java = sealing[0].medianMegabytesPerSecond(GIB);
            double openssl = sealing[1].medianMegabytesPerSecond(GIB);
            System.out.printf(
                    Locale.ROOT,
                    "sealing 1 GiB: Crypt4GH writer %.0f MB/s (median of 7), openssl enc -chacha20"
                            + " %.0f MB/s, ratio %.2f%n",
                    java,
                    openssl,
                    java / openssl);

            Resealing resealing = new Resealing();
            Path small = resealing.stage(payload, 1024, 1, work.resolve("staged-1KiB.c4gh"));
            Path large = resealing.stage(payload, GIB, 4, work.resolve("staged-4GiB.c4gh"));
            Samples smallTimes = resealing.run(small, work.resolve("header-small"), 2_000, 5_000);
            Samples largeTimes = resealing.run(large, work.resolve("header-large"), 2_000, 5_000);
            System.out.printf(
                    Locale.ROOT,
                    "re-sealing 1 KiB (%,d B staged): median %.3f ms, p99 %.3f ms%n",
                    Files.size(small),
                    smallTimes.medianMillis(),
                    smallTimes.percentileMillis(99));
            System.out.printf(
                    Locale.ROOT,
                    "re-sealing 4 GiB (%,d B staged): median %.3f ms, p99 %.3f ms%n",
                    Files.size(large),
                    largeTimes.medianMillis(),
                    largeTimes.percentileMillis(99));
            System.out.printf(
                    Locale.ROOT,
                    "re-sealing ratio 4 GiB / 1 KiB (medians): %.2f%n",
                    largeTimes.medianMillis() / smallTimes.medianMillis());
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
