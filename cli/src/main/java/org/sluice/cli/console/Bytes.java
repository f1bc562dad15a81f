package org.sluice.cli.console;

import java.util.Locale;

/** Byte counts for people: {@code 812 B}, {@code 68.4 KiB}, {@code 1.5 GiB}. */
public final class Bytes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Bytes() {}

    /** The count in the largest binary unit that keeps it at 1 or more, with one decimal. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** The exact count with thousands separators: {@code 70,180 bytes}. */
    public static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
