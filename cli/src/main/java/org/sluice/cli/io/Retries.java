package org.sluice.cli.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.sluice.cli.console.Pause;

/**
 * How a transfer of bytes copes with a connection that breaks off: a limited number of consecutive failures, each
 * followed by a pause that doubles (1 s, 2 s, 4 s, ... at most 30 s). Progress in between starts the count again.
 */
public final class Retries {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Pause pause;
    private final int allowed;
    private int failures;

    /** Allows {@code allowed} consecutive failures. */
    public Retries(Pause pause, int allowed) {
        this.pause = pause;
        this.allowed = allowed;
    }

    /** Some progress was made: the next failure is the first again. */
    public void progressed() {
        failures = 0;
    }

    /**
     * Counts a failure and waits before the next attempt.
     *
     * @param giveUp the exception thrown once the failures are more than allowed
     */
    public <E extends IOException> void failed(Supplier<E> giveUp) throws E, InterruptedIOException {
        failures++;
        if (failures > allowed) {
            throw giveUp.get();
        }
        Duration wait = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 5));
        try {
            pause.pause(wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to resume");
        }
    }
}
