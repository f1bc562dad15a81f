package org.sluice.gateway.partner;

import java.util.List;
import org.sluice.events.schema.Violation;

/** A partner registration that breaks its rules; carries every violation. */
public class InvalidRegistrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidRegistrationException(List<Violation> violations) {
        super(violations.size() + " violation(s): "
                + String.join(", ", violations.stream().map(Violation::field).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
