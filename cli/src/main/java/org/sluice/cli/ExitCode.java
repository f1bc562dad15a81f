package org.sluice.cli;

/** The exit codes of {@code sluice} (documented in docs/cli.md and in {@code sluice --help}). */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** Anything else that failed: a local file, a key file, an unexpected answer. */
    public static final int FAILURE = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** A package, manifest or Crypt4GH file failed verification; nothing was written. */
    public static final int VERIFICATION = 3;
    /** The gateway refused the request (its problem document is quoted). */
    public static final int REFUSED = 4;
    /** The gateway could not be reached or the connection broke off; run the command again to resume. */
    public static final int UNREACHABLE = 5;

    private ExitCode() {}
}
