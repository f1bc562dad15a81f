package org.sluice.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sluice.cli.console.Pause;
import org.sluice.cli.console.Terminal;

/**
 * What the commands take from the world around them: output streams, environment variables, whether stderr is a
 * terminal, a passphrase prompt, the clock and a way to wait. {@link #system()} is the real one; tests pass their own.
 *
 * @param out results (what scripts read)
 * @param err progress, warnings and errors
 * @param variables environment variables by name (null when unset)
 * @param stderrIsTerminal whether progress bars may be drawn on {@code err}
 * @param prompt asks the user for a passphrase, if there is someone to ask
 * @param clock time, for progress rates and waiting
 * @param pause waits between retries and polls
 */
public record Environment(
        PrintWriter out,
        PrintWriter err,
        UnaryOperator<String> variables,
        boolean stderrIsTerminal,
        PassphrasePrompt prompt,
        Clock clock,
        Pause pause) {

    /** Asks the user for a secret without echoing it. */
    @FunctionalInterface
    public interface PassphrasePrompt {
        /** The secret typed, or empty when nobody can be asked (no terminal). */
        Optional<char[]> ask(String question);
    }

    /** The process's own streams, environment and console. */
    public static Environment system() {
        Charset charset = Optional.ofNullable(System.console())
                .map(java.io.Console::charset)
                .orElse(StandardCharsets.UTF_8);
        return new Environment(
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                System::getenv,
                Terminal.stderrIsTerminal(),
                Environment::askOnConsole,
                Clock.systemUTC(),
                Pause.sleeping());
    }

    private static Optional<char[]> askOnConsole(String question) {
        java.io.Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        console.writer().print(question);
        console.writer().flush();
        return Optional.ofNullable(console.readPassword());
    }
}
