package org.sluice.policy.yaml;

/** A YAML document that cannot be read as expected, with the line (1-based) where it goes wrong. */
public class YamlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public YamlException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the offending node, 0 when unknown. */
    public int line() {
        return line;
    }
}
