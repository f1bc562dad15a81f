package org.sluice.bench.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sluice.audit.log.NodeStore;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.transparency.merkle.ProofBuilder;
import org.sluice.transparency.verify.VerifyCommand;
import picocli.CommandLine;

/**
 * Inclusion proof latency and verify speed over a log of {@code n} entries (default 1,000,000) in a real
 * PostgreSQL, each next to a baseline measured in the same run: a primary-key lookup of one leaf for the
 * proof, a plain cursor read of every entry for verify.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.sluice.bench.audit.ProofAndVerifyBench [n]}
 */
public final class ProofAndVerifyBench {

    private static final int WARMUP = 2_000;
    private static final int SAMPLES = 20_000;

    private ProofAndVerifyBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("sluice-bench-audit");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work)) {
            long fillStart = System.nanoTime();
            SigningKey key = LogFixture.fill(db, n);
            System.out.printf(Locale.ROOT, "fill took %.1f s%n", (System.nanoTime() - fillStart) / 1e9);

            Connection pooled = DriverManager.getConnection(db.jdbcUrl("audit"), EmbeddedDatabase.USER, "");
            OneConnection ds = new OneConnection(pooled);
            NodeStore nodes = new NodeStore(ds);
            SplittableRandom random = new SplittableRandom(42);

            long[] proof = new long[SAMPLES];
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long index = random.nextLong(n);
                long t = System.nanoTime();
                new ProofBuilder(nodes.fetch(ProofBuilder.nodesForInclusion(index, n))).inclusion(index, n);
                if (i >= 0) {
                    proof[i] = System.nanoTime() - t;
                }
            }
            long[] lookup = new long[SAMPLES];
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT leaf_hash FROM log_entry WHERE idx = ?")) {
                for (int i = -WARMUP; i < SAMPLES; i++) {
                    long t = System.nanoTime();
                    ps.setLong(1, random.nextLong(n));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getBytes(1);
                    }
                    if (i >= 0) {
                        lookup[i] = System.nanoTime() - t;
                    }
                }
            }
            pooled.close();
            report("inclusion proof (nodes fetched in one query + built)", proof);
            report("baseline: one leaf by primary key", lookup);

            long t = System.nanoTime();
            long rows = 0;
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "")) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT idx, event_id, entry, leaf_hash FROM audit.log_entry ORDER BY idx")) {
                    ps.setFetchSize(2_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getBytes(3);
                            rows++;
                        }
                    }
                }
            }
            double readSeconds = (System.nanoTime() - t) / 1e9;
            Path pub = work.resolve("log.pub");
            Files.writeString(pub, key.publicKeyPem());
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new VerifyCommand());
            cli.setOut(new PrintWriter(out));
            t = System.nanoTime();
            int exit = cli.execute("--jdbc", db.jdbcUrl(), "--user", EmbeddedDatabase.USER, "--key", pub.toString());
            double verifySeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "verify: exit %d, %d entries in %.1f s = %.0f entries/s%n%s",
                    exit,
                    n,
                    verifySeconds,
                    n / verifySeconds,
                    out);
            System.out.printf(
                    Locale.ROOT,
                    "baseline: cursor read of %d entries in %.1f s = %.0f entries/s%n",
                    rows,
                    readSeconds,
                    rows / readSeconds);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }
}
