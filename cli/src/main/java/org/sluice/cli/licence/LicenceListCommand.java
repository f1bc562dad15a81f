package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.UsageException;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice licence list}. */
@Command(
        name = "list",
        description = "List your institution's licence applications, newest first: status (with late and escalated"
                + " marks), risk, when a decision is expected, time taken and how many transfers wait for each"
                + " (--quiet: application ids only).")
public final class LicenceListCommand implements Callable<Integer> {
    /** The statuses an application can have. */
    private static final List<String> STATUSES = List.of("PENDING", "GRANTED", "REFUSED", "WITHDRAWN");

    private final Session session;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Only these: PENDING, GRANTED, REFUSED or WITHDRAWN (case does not matter).")
    private String status;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many (the gateway's default otherwise).")
    private Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR", description = "The page after this cursor (printed as 'more').")
    private String after;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public LicenceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        String only = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (only != null && !STATUSES.contains(only)) {
            throw new UsageException(
                    "--status must be one of " + String.join(", ", STATUSES) + ", not '" + status + "'");
        }
        if (limit != null && limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        JsonNode answer = new LicenceApi(session.gateway()).list(only, limit, after);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        LicenceApplication.Page page = GatewayClient.bind(answer, LicenceApplication.Page.class, "application list");
        if (session.options().quiet()) {
            page.items().forEach(a -> session.out().println(a.applicationId()));
        } else if (page.items().isEmpty()) {
            session.out()
                    .println(
                            only == null
                                    ? "your institution has no licence applications"
                                    : "your institution has no " + only + " licence applications");
        } else {
            LicenceReport.table(page.items()).lines().forEach(session.out()::println);
        }
        if (page.next() != null) {
            session.status(
                    "more: sluice licence list --after " + page.next() + (only == null ? "" : " --status " + only));
        }
        return ExitCode.OK;
    }
}
