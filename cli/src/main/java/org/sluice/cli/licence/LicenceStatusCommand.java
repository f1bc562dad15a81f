package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.IdConverter;
import org.sluice.cli.Session;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice licence status}. */
@Command(
        name = "status",
        description = "Show a licence application: its status (late, escalated), the licence id, what was applied for,"
                + " risk, when a decision is expected, time taken, the granted terms or the reasons, what stands in"
                + " the way of a grant, and the transfers waiting for it (--quiet: the status only).")
public final class LicenceStatusCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(
            index = "0",
            paramLabel = "APPLICATION",
            converter = IdConverter.class,
            description = "The application id.")
    private String applicationId;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public LicenceStatusCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        JsonNode answer = new LicenceApi(session.gateway()).get(applicationId);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        LicenceApplication a = GatewayClient.bind(answer, LicenceApplication.class, "licence application");
        if (session.options().quiet()) {
            session.out().println(a.status());
        } else {
            LicenceReport.lines(a).forEach(session.out()::println);
        }
        return ExitCode.OK;
    }
}
