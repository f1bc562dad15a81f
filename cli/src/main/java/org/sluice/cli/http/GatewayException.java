package org.sluice.cli.http;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gateway refused a request: its status and, when it sent one, its problem document. The message is one line:
 * the problem's title, the status, its detail, and each field at fault with the rule it broke.
 */
public final class GatewayException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Problem problem;

    public GatewayException(int status, Problem problem, String fallback) {
        super(message(status, problem, fallback));
        this.status = status;
        this.problem = problem;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem document, if the gateway sent one. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** Whether the problem's type is {@code .../problems/<slug>}. */
    public boolean is(String slug) {
        return problem != null && problem.type() != null && problem.type().endsWith("/" + slug);
    }

    private static String message(int status, Problem problem, String fallback) {
        StringBuilder m = new StringBuilder();
        if (problem == null) {
            m.append("the gateway answered HTTP ")
                    .append(status)
                    .append(" (")
                    .append(fallback)
                    .append(')');
        } else {
            m.append(problem.title() == null ? "request refused" : problem.title())
                    .append(" (HTTP ")
                    .append(status)
                    .append(')');
            if (problem.detail() != null && !problem.detail().isBlank()) {
                m.append(": ").append(problem.detail().strip());
            }
            if (!problem.errors().isEmpty()) {
                m.append(problem.errors().stream()
                        .map(v -> v.field() + " (" + v.rule() + "): " + v.message())
                        .collect(Collectors.joining("; ", " [", "]")));
            }
        }
        if (status == 401) {
            m.append("; pass a valid token with --token or SLUICE_TOKEN");
        }
        return m.toString().replace('\n', ' ').replace('\r', ' ');
    }
}
