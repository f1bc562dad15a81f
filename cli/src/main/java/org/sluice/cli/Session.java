package org.sluice.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.sluice.cli.console.Progress;
import org.sluice.cli.console.ProgressBar;
import org.sluice.cli.http.GatewayClient;

/**
 * One run of the command line: the environment, the global options as parsed, and what is built from them (the
 * gateway client, progress bars). Commands receive it in their constructor.
 */
public final class Session {
    /** How long to wait for a connection and for the head of each answer. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Environment environment;
    private final GlobalOptions options;
    private GatewayClient gateway;

    public Session(Environment environment, GlobalOptions options) {
        this.environment = environment;
        this.options = options;
    }

    public Environment environment() {
        return environment;
    }

    public GlobalOptions options() {
        return options;
    }

    /** Where results go. */
    public PrintWriter out() {
        return environment.out();
    }

    /** A result on stdout: the short form under {@code --quiet} (an id, a digest, a state), else the sentence. */
    public void result(String quiet, String full) {
        environment.out().println(options.quiet() ? quiet : full);
    }

    /** A result line on stdout that {@code --quiet} leaves out. */
    public void report(String line) {
        if (!options.quiet()) {
            environment.out().println(line);
        }
    }

    /** A line about what is going on, on stderr, unless {@code --quiet}. */
    public void status(String line) {
        if (!options.quiet()) {
            environment.err().println(line);
        }
    }

    /** A warning on stderr, even with {@code --quiet}. */
    public void warn(String line) {
        environment.err().println("sluice: warning: " + line);
    }

    /** A progress bar on stderr when it is a terminal and {@code --quiet} is off; otherwise nothing. */
    public Progress progress(String label, long total, long done) {
        if (options.quiet() || !environment.stderrIsTerminal()) {
            return Progress.none();
        }
        return new ProgressBar(environment.err(), environment.clock(), label, total, done);
    }

    /** The gateway client; a token is required. */
    public GatewayClient gateway() {
        if (gateway == null) {
            URI base = options.gateway(environment.variables());
            Optional<String> token = options.token(environment.variables());
            if (token.isEmpty()) {
                throw new UsageException("no token: pass --token or set " + GlobalOptions.TOKEN_VARIABLE);
            }
            if ("http".equals(base.getScheme()) && !isLoopback(base.getHost())) {
                warn("the token is sent to " + base + " without TLS; use https:// outside a local demo");
            }
            gateway = GatewayClient.connect(base, token, REQUEST_TIMEOUT, "sluice-cli/" + Sluice.version());
        }
        return gateway;
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: do not resolve it just to decide on a warning
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
