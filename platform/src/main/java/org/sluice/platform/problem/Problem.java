package org.sluice.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.sluice.events.schema.Violation;

/**
 * An RFC 9457 problem details document.
 *
 * @param type URI naming the kind of problem (documented in docs/api.md)
 * @param title short summary of the kind of problem
 * @param status HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the fields at fault and the rule each broke
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
