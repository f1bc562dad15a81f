package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice transfer appeal}. */
@Command(
        name = "appeal",
        description = {
            "Appeal the denial of a transfer with a statement; reviewers other than those who decided before"
                    + " judge it. The transfer becomes APPEALED, then IN_REVIEW ('sluice transfer status' shows the"
                    + " review deadline and, later, the outcome)."
        })
public final class AppealCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "TRANSFER", converter = IdConverter.class, description = "The transfer id.")
    private String transferId;

    @ArgGroup(multiplicity = "1")
    private Statement statement;

    static final class Statement {
        @Option(names = "--statement", paramLabel = "TEXT", description = "Why the denial should be reconsidered.")
        String text;

        @Option(names = "--statement-file", paramLabel = "FILE", description = "Read the statement from a UTF-8 file.")
        Path file;
    }

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Sent as Idempotency-Key: repeating the command with the same key and statement answers"
                    + " with the same appeal instead of filing a second (default: a fresh random key).")
    private String idempotencyKey;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public AppealCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        String text =
                statement.file != null ? Files.readString(statement.file, StandardCharsets.UTF_8) : statement.text;
        if (text == null || text.isBlank()) {
            throw new UsageException("the statement must not be blank");
        }
        SubmitterApi api = new SubmitterApi(session.gateway());
        JsonNode answer = api.appeal(
                transferId,
                text.strip(),
                idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        Transfer transfer = GatewayClient.bind(answer, Transfer.class, "transfer");
        Transfer.Appeal appeal = transfer.appeal();
        session.result(
                transfer.state(),
                "appealed transfer " + transfer.id() + " (" + transfer.state() + ")"
                        + (appeal == null
                                ? ""
                                : ": appeal " + appeal.appealId() + " against decision " + appeal.decisionId()));
        return ExitCode.OK;
    }
}
