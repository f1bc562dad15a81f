package org.sluice.cli.console;

import java.time.Duration;
import java.util.Locale;

/** The text of one progress bar line: label, bar, percentage, bytes done, rate and time left. */
public final class ProgressLine {
    private static final int BAR_CELLS = 24;

    private ProgressLine() {}

    /**
     * Renders the line.
     *
     * @param label what is going on, e.g. {@code download pkg-0001}
     * @param done bytes done so far
     * @param total bytes in all (0 or less when unknown)
     * @param bytesPerSecond the recent rate, 0 when not yet known
     */
    public static String render(String label, long done, long total, double bytesPerSecond) {
        StringBuilder line = new StringBuilder(label).append("  ");
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.floor(fraction * BAR_CELLS);
            line.append('[')
                    .append("=".repeat(filled))
                    .append(filled < BAR_CELLS ? ">" : "")
                    .append(" ".repeat(Math.max(0, BAR_CELLS - filled - 1)))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)))
                    .append("  ")
                    .append(Bytes.human(done))
                    .append(" of ")
                    .append(Bytes.human(total));
        } else {
            line.append(Bytes.human(done));
        }
        if (bytesPerSecond > 0) {
            line.append("  ").append(Bytes.human((long) bytesPerSecond)).append("/s");
            if (total > done) {
                line.append("  ")
                        .append(clock(Duration.ofSeconds((long) Math.ceil((total - done) / bytesPerSecond))))
                        .append(" left");
            }
        }
        return line.toString();
    }

    /** {@code 0:07}, {@code 12:30}, {@code 2:05:00}. */
    static String clock(Duration d) {
        long seconds = d.toSeconds();
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
