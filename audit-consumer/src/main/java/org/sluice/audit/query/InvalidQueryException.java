package org.sluice.audit.query;

import java.util.List;
import org.sluice.events.schema.Violation;

/** A query with parameters that break their rules; each violation names one. */
public class InvalidQueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public InvalidQueryException(List<Violation> violations) {
        super(violations.size() + " query parameter(s) are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
