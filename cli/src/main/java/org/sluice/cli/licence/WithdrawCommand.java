package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice licence withdraw}. */
@Command(
        name = "withdraw",
        description = "Withdraw a pending licence application, with the reason (kept with it and in the audit log);"
                + " a decided one cannot be withdrawn. Transfers citing its licence id are then refused.")
public final class WithdrawCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(
            index = "0",
            paramLabel = "APPLICATION",
            converter = IdConverter.class,
            description = "The application id.")
    private String applicationId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is withdrawn.")
    private String reason;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public WithdrawCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (reason.isBlank()) {
            throw new UsageException("the reason must not be blank");
        }
        JsonNode answer = new LicenceApi(session.gateway()).withdraw(applicationId, reason.strip());
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        LicenceApplication a = GatewayClient.bind(answer, LicenceApplication.class, "licence application");
        session.result(a.status(), "withdrew application " + a.applicationId() + " (" + a.status() + ")");
        return ExitCode.OK;
    }
}
