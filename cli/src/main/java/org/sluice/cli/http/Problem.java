package org.sluice.cli.http;

import java.util.List;
import org.sluice.events.schema.Violation;

/**
 * An RFC 9457 problem document as the gateway sends it.
 *
 * @param type URI naming the kind of problem
 * @param title short summary of the kind of problem
 * @param status HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the fields at fault and the rule each broke
 */
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
