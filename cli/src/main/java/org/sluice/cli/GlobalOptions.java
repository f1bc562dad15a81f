package org.sluice.cli;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name. */
public final class GlobalOptions {
    /** The gateway's address when neither {@code --gateway} nor {@code SLUICE_GATEWAY} gives one. */
    public static final String DEFAULT_GATEWAY = "http://localhost:8080";
    /** Environment variable naming the gateway. */
    public static final String GATEWAY_VARIABLE = "SLUICE_GATEWAY";
    /** Environment variable holding the bearer token. */
    public static final String TOKEN_VARIABLE = "SLUICE_TOKEN";

    @Option(
            names = "--gateway",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Base URL of the gateway (default: $SLUICE_GATEWAY, else " + DEFAULT_GATEWAY + ").")
    private String gateway;

    @Option(
            names = "--token",
            scope = ScopeType.INHERIT,
            paramLabel = "JWT",
            description = "Bearer token (default: $SLUICE_TOKEN). Never printed.")
    private String token;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "No progress bars or status lines; only the result (an id, a state, a digest).")
    private boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, also print the stack trace.")
    private boolean verbose;

    /** The gateway's base URL: the option, else the environment variable, else the default. */
    public URI gateway(UnaryOperator<String> variables) {
        String url = Optional.ofNullable(gateway)
                .or(() -> Optional.ofNullable(variables.apply(GATEWAY_VARIABLE)))
                .filter(s -> !s.isBlank())
                .orElse(DEFAULT_GATEWAY)
                .strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the gateway URL '" + url + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("the gateway URL must be http(s)://host[:port], found '" + url + "'");
        }
        return uri;
    }

    /** The bearer token: the option, else the environment variable. */
    public Optional<String> token(UnaryOperator<String> variables) {
        return Optional.ofNullable(token)
                .or(() -> Optional.ofNullable(variables.apply(TOKEN_VARIABLE)))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }
}
