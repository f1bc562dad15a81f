package org.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sluice.testsupport.MutableClock;

/**
 * Runs the command line in-process against a test environment: captured stdout and stderr, chosen environment
 * variables, a terminal or not, a scripted passphrase answer, and a clock that each pause moves on (no sleeping).
 */
final class Cli {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Map<String, String> variables = new HashMap<>();
    private boolean terminal;
    private String typedPassphrase;

    /**
     * The outcome of one run.
     *
     * @param exitCode the exit code
     * @param out what was printed on stdout
     * @param err what was printed on stderr
     */
    record Result(int exitCode, String out, String err) {}

    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Commands that talk to this gateway, with this token. */
    Cli gateway(FakeGateway gateway, String token) {
        return env(GlobalOptions.GATEWAY_VARIABLE, gateway.uri().toString()).env(GlobalOptions.TOKEN_VARIABLE, token);
    }

    /** Whether stderr is a terminal (progress bars are drawn only then). */
    Cli terminal(boolean isTerminal) {
        this.terminal = isTerminal;
        return this;
    }

    /** What the user types when asked for a passphrase (by default there is no terminal to ask on). */
    Cli typing(String passphrase) {
        this.typedPassphrase = passphrase;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                variables::get,
                terminal,
                question -> Optional.ofNullable(typedPassphrase).map(String::toCharArray),
                clock,
                clock::advance);
        int code = Sluice.run(environment, args);
        return new Result(code, out.toString(), err.toString());
    }
}
