package org.sluice.cli.console;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * A progress bar redrawn in place on a terminal (carriage return, no newline until it ends), at most ten times a
 * second. The rate counts only the bytes moved since it started, so a resumed transfer does not look faster than it is.
 */
public final class ProgressBar implements Progress {
    private static final long REDRAW_MILLIS = 100;

    private final PrintWriter terminal;
    private final Clock clock;
    private final String label;
    private final long total;
    private final long startDone;
    private final long startMillis;
    private long done;
    private long lastDrawMillis;
    private int lastWidth;

    public ProgressBar(PrintWriter terminal, Clock clock, String label, long total, long done) {
        this.terminal = terminal;
        this.clock = clock;
        this.label = label;
        this.total = total;
        this.startDone = done;
        this.done = done;
        this.startMillis = clock.millis();
        this.lastDrawMillis = startMillis;
        draw(startMillis);
    }

    @Override
    public void advance(long bytes) {
        done += bytes;
        long now = clock.millis();
        if (now - lastDrawMillis >= REDRAW_MILLIS) {
            draw(now);
        }
    }

    @Override
    public void close() {
        draw(clock.millis());
        terminal.print('\n');
        terminal.flush();
    }

    private void draw(long now) {
        lastDrawMillis = now;
        long elapsed = now - startMillis;
        double rate = elapsed > 0 ? (done - startDone) * 1000.0 / elapsed : 0;
        String line = ProgressLine.render(label, done, total, rate);
        // pad over the rest of a longer previous line
        terminal.print('\r' + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        terminal.flush();
        lastWidth = line.length();
    }
}
