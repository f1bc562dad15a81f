package org.sluice.cli;

/** The command line is incomplete or contradictory in a way picocli's own checks do not see (exit code 2). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
