package org.sluice.policy.bundle;

/**
 * One reason a bundle cannot be activated.
 *
 * @param file the bundle file, e.g. {@code rules/licensing.yaml}
 * @param line 1-based line, 0 when the problem is not tied to a line
 * @param reason what is wrong
 */
public record BundleProblem(String file, int line, String reason) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
