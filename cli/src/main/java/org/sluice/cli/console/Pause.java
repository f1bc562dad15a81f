package org.sluice.cli.console;

import java.time.Duration;

/** Waiting between retries and polls, so tests can go on at once. */
@FunctionalInterface
public interface Pause {

    /** Waits for the given time. */
    void pause(Duration duration) throws InterruptedException;

    /** Waits by sleeping the current thread. */
    static Pause sleeping() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
