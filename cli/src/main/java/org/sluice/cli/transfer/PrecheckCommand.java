package org.sluice.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.sluice.cli.ExitCode;
import org.sluice.cli.Session;
import org.sluice.cli.console.JsonOutput;
import org.sluice.cli.http.GatewayClient;
import org.sluice.events.decision.Evaluation;
import org.sluice.events.decision.RuleRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice transfer precheck}. */
@Command(
        name = "precheck",
        description = "Ask what the active policy would decide for a request, without creating or staging anything"
                + " (--quiet: the outcome only).")
public final class PrecheckCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    private RequestOptions request;

    @Option(names = "--explain", description = "Also list the rules that were evaluated and did not match.")
    private boolean explain;

    @Option(names = "--json", description = "Print the gateway's JSON answer.")
    private boolean json;

    public PrecheckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        SubmitterApi api = new SubmitterApi(session.gateway());
        JsonNode answer = api.precheck(request.prepare(session).body(), explain);
        if (json) {
            JsonOutput.print(session.out(), answer);
            return ExitCode.OK;
        }
        Evaluation evaluation = GatewayClient.bind(answer, Evaluation.class, "precheck answer");
        if (session.options().quiet()) {
            session.out().println(evaluation.outcome());
            return ExitCode.OK;
        }
        session.out().println("outcome     " + evaluation.outcome() + "  (precheck: nothing was created or staged)");
        session.out().println("bundle      " + DecisionReport.bundle(evaluation.bundle()));
        DecisionReport.reasons(evaluation.reasons()).forEach(session.out()::println);
        DecisionReport.conditions(evaluation.conditions()).forEach(session.out()::println);
        if (explain) {
            session.out().println(evaluation.notMatched().isEmpty() ? "not matched none" : "not matched");
            for (RuleRef rule : evaluation.notMatched()) {
                session.out().println("  " + rule.code() + "  rule " + rule.ruleId() + ": " + rule.title());
            }
        }
        return ExitCode.OK;
    }
}
