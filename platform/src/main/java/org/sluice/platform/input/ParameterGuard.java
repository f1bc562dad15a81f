package org.sluice.platform.input;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sluice.events.schema.Violation;
import org.sluice.platform.problem.ProblemException;

/**
 * Holds every path and query parameter of a matched request to {@link Text}'s rules (no control
 * characters at all, no unpaired surrogates, the parameter limit) before the resource runs: a 400
 * naming each parameter, instead of a database error on {@code tr-%00}.
 */
public class ParameterGuard {

    private final TextLimits limits;

    public ParameterGuard(TextLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void check(UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        collect(uri.getPathParameters(true), violations);
        collect(uri.getQueryParameters(true), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
    }

    private void collect(MultivaluedMap<String, String> parameters, List<Violation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            Text.check(parameter.getKey(), parameter.getKey(), limits.forParameter(), Text.Kind.PARAMETER)
                    .ifPresent(violations::add);
            for (String value : parameter.getValue()) {
                Text.check(parameter.getKey(), value, limits.forParameter(), Text.Kind.PARAMETER)
                        .ifPresent(violations::add);
            }
        }
    }
}
