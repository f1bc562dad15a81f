package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sluice.cli.Environment;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice transfer status}. */
@Command(
        name = "status",
        description = {
            "Show a transfer: its state, the decision with every reason (code, rule, citation, explanation,"
                    + " remedy), conditions, the package once sealed, and its history (--quiet: the state only).",
            "With --wait, first wait while it is STAGED, APPEALED or APPROVED (being decided, taken into review or"
                    + " sealed). In review, the review deadline and time in review are shown."
        })
public final class StatusCommand implements Callable<Integer> {
    /** States that change without anyone acting: the decision, or the sealing, is on its way. */
    private static final Set<String> IN_PROGRESS = Set.of("STAGED", "APPROVED", "APPEALED");

    private final Session session;

    @Parameters(index = "0", paramLabel = "TRANSFER", converter = IdConverter.class, description = "The transfer id.")
    private String transferId;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    @Option(names = "--wait", description = "Wait while the transfer is being decided or sealed.")
    private boolean await;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT2M",
            description = "How long --wait waits, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "PT2S",
            description = "How often --wait asks, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    public StatusCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new UsageException("--timeout must not be negative and --interval must be positive");
        }
        SubmitterApi api = new SubmitterApi(session.gateway());
        JsonNode answer = api.transferJson(transferId);
        Transfer transfer = GatewayClient.bind(answer, Transfer.class, "transfer");
        if (await) {
            Environment environment = session.environment();
            Instant deadline = environment.clock().instant().plus(timeout);
            while (IN_PROGRESS.contains(transfer.state())) {
                if (!environment.clock().instant().isBefore(deadline)) {
                    throw new IOException("transfer " + transferId + " is still " + transfer.state() + " after "
                            + timeout.toSeconds() + " s; run the command again to keep waiting");
                }
                session.status("waiting: " + transferId + " is " + transfer.state());
                pause(environment, interval);
                answer = api.transferJson(transferId);
                transfer = GatewayClient.bind(answer, Transfer.class, "transfer");
            }
        }
        if (json) {
            JsonOutput.print(session.out(), answer);
        } else if (session.options().quiet()) {
            session.out().println(transfer.state());
        } else {
            UploadProgress upload = transfer.awaitsPayload() ? api.uploadProgress(transferId) : null;
            StatusReport.lines(transfer, upload).forEach(session.out()::println);
        }
        return ExitCode.OK;
    }

    private static void pause(Environment environment, Duration interval) throws InterruptedIOException {
        try {
            environment.pause().pause(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting");
        }
    }
}
