package org.sluice.cli.console;

/**
 * Reports how far a long transfer of bytes is. Implementations draw a bar on a terminal, or nothing at all; closing
 * ends the bar's line.
 */
public interface Progress extends AutoCloseable {

    /** Another {@code bytes} are done. */
    void advance(long bytes);

    /** Ends the report (the bar's line is finished). */
    @Override
    void close();

    /** Reports nothing: the output is not a terminal, or the user asked for quiet. */
    static Progress none() {
        return None.INSTANCE;
    }

    /** Creates a report for a transfer of a known size, {@code done} bytes of which are already done. */
    @FunctionalInterface
    interface Factory {
        Progress start(String label, long total, long done);
    }

    /** The report that draws nothing. */
    enum None implements Progress {
        INSTANCE;

        @Override
        public void advance(long bytes) {}

        @Override
        public void close() {}
    }
}
