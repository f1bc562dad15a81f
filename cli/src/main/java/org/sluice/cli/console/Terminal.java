package org.sluice.cli.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's standard error is a terminal, where progress bars make sense. */
public final class Terminal {
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {}

    /**
     * True when stderr is a terminal: on Linux the file descriptor is read directly; elsewhere the JDK's console
     * (stdin and stdout interactive) stands in for it. {@code TERM=dumb} turns it off.
     */
    public static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        if (Files.isSymbolicLink(STDERR_LINK)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /** Whether a device path names a terminal ({@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}). */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }
}
