package org.sluice.events.json;

/**
 * A well-formed CloudEvent whose {@code type} this version of Sluice does not know, e.g. one a newer
 * producer added. Consumers that do not need it skip it; it is not poison.
 */
public class UnknownEventTypeException extends EventDecodingException {
    private static final long serialVersionUID = 1L;
    private final String typeName;

    public UnknownEventTypeException(String typeName) {
        super("unknown event type '" + typeName + "'");
        this.typeName = typeName;
    }

    /** The unknown type name. */
    public String typeName() {
        return typeName;
    }
}
