package org.sluice.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.console.Table;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice package list}. */
@Command(name = "list", description = "List the packages addressed to you, newest first (--quiet: ids only).")
public final class ListCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public ListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        JsonNode answer = session.gateway().getJson(PackagePaths.PACKAGES);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        PackageSummary[] packages = GatewayClient.bind(answer, PackageSummary[].class, "package list");
        if (session.options().quiet()) {
            for (PackageSummary p : packages) {
                session.out().println(p.packageId());
            }
            return ExitCode.OK;
        }
        if (packages.length == 0) {
            session.out().println("no packages are addressed to you");
            return ExitCode.OK;
        }
        Table table = new Table("PACKAGE", "TRANSFER", "STATUS", "SIZE", "PLAINTEXT", "SEALED", "EXPIRES");
        for (PackageSummary p : packages) {
            table.row(
                    p.packageId(),
                    p.transferId(),
                    p.status(),
                    Bytes.human(p.sizeBytes()),
                    Bytes.human(p.plaintextBytes()),
                    p.sealedAt(),
                    p.expiresAt());
        }
        table.lines().forEach(session.out()::println);
        return ExitCode.OK;
    }
}
