package org.sluice.transparency.verify;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sluice.crypto.sign.Ed25519;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.CheckpointException;
import org.sluice.transparency.checkpoint.SignedNote;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar sluice-verify.jar}: checks the audit log, in its database or as an NDJSON export,
 * against its signed checkpoints, and names every entry that was altered, removed, inserted or
 * reordered. Exit code 0 when the log is intact, 1 when something is wrong, 2 when it cannot check.
 */
@Command(
        name = "sluice-verify",
        mixinStandardHelpOptions = true,
        version = "sluice-verify 0.1",
        description = "Verifies the Sluice audit log against its signed checkpoints.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the log is intact", "1:something is wrong (each finding is printed)", "2:cannot verify"})
public final class VerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int FINDINGS = 1;
    static final int CANNOT_VERIFY = 2;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--jdbc", description = "JDBC URL of the audit database, e.g. jdbc:postgresql://db:5432/sluice")
        String jdbcUrl;

        @Option(names = "--export", description = "NDJSON export of the whole log (GET /api/v1/audit/export)")
        Path export;
    }

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password-env", description = "name of the environment variable holding the database password")
    String passwordEnv;

    @Option(
            names = "--schema",
            defaultValue = "audit",
            description = "database schema of the log (default: ${DEFAULT-VALUE})")
    String schema;

    @Option(
            names = "--checkpoints",
            description = "signed checkpoints to check against: the JSON of GET /api/v1/audit/checkpoints or one"
                    + " signed note (default for --jdbc: the database's own)")
    Path checkpoints;

    @Option(names = "--key", required = true, description = "PEM file of the log's Ed25519 public key")
    Path key;

    @Option(
            names = "--origin",
            defaultValue = "sluice.example/audit",
            description = "the log's origin (default: ${DEFAULT-VALUE})")
    String origin;

    @Option(
            names = "--max-findings",
            defaultValue = "100",
            description = "findings printed at most (default: ${DEFAULT-VALUE})")
    int maxFindings;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PublicKey publicKey = Ed25519.publicKeyFromPem(Files.readString(key, StandardCharsets.US_ASCII));
            LogSource log = source.export != null
                    ? new NdjsonExport(source.export, checkpoints)
                    : new DatabaseLog(
                            source.jdbcUrl, user, passwordEnv == null ? null : System.getenv(passwordEnv), schema);
            List<String> notes = checkpoints != null ? CheckpointFiles.read(checkpoints) : log.checkpointNotes();
            List<Checkpoint> trusted = new ArrayList<>();
            List<Finding> badCheckpoints = new ArrayList<>();
            for (String note : notes) {
                try {
                    trusted.add(SignedNote.openCheckpoint(note, origin, publicKey));
                } catch (CheckpointException e) {
                    badCheckpoints.add(new Finding(Finding.Kind.BAD_CHECKPOINT, -1, -1, e.getMessage()));
                }
            }
            if (trusted.isEmpty()) {
                err.println("no valid signed checkpoint to verify against");
                badCheckpoints.forEach(f -> err.println(f));
                return CANNOT_VERIFY;
            }
            LogVerifier verifier = new LogVerifier(trusted);
            badCheckpoints.forEach(verifier::report);
            long started = System.nanoTime();
            log.read(verifier);
            LogVerifier.Report report = verifier.finish();
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf(
                    Locale.ROOT,
                    "read %d entries in %d ms; %d signed checkpoints, the largest of size %d%n",
                    report.entries(),
                    millis,
                    report.checkpoints(),
                    trusted.stream().mapToLong(Checkpoint::size).max().orElse(0));
            if (report.intact()) {
                out.println("OK: the log is intact and agrees with every signed checkpoint");
                return INTACT;
            }
            out.printf(
                    Locale.ROOT,
                    "FAILED: %d finding(s); entries 0..%d agree with a signed checkpoint%n",
                    report.findings().size(),
                    report.verifiedPrefix() - 1);
            report.findings().stream().limit(maxFindings).forEach(out::println);
            if (report.findings().size() > maxFindings) {
                out.printf(Locale.ROOT, "... and %d more%n", report.findings().size() - maxFindings);
            }
            return FINDINGS;
        } catch (Exception e) {
            err.println("cannot verify: " + e);
            return CANNOT_VERIFY;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
