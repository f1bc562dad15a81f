package org.sluice.audit.checkpoint;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns "new entries exist" signals into one signing round per batch window: the first signal after a
 * round schedules the next round one window later, and signals until then ride along with it. A round
 * that could not sign because another signer held the lock asks to be run again one window later, so
 * entries are never left waiting for a slow timer. No framework types: the executor is the caller's.
 */
final class LogFollower {

    /** What one round did. */
    enum Outcome {
        /** Signed, or nothing new to sign. */
        DONE,
        /** Another signer holds the lock: the entries are not covered yet. */
        BUSY
    }

    /** One signing round. */
    @FunctionalInterface
    interface Round {
        Outcome run();
    }

    private final ScheduledExecutorService executor;
    private final long windowNanos;
    private final Round round;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LogFollower(ScheduledExecutorService executor, Duration window, Round round) {
        this.executor = executor;
        this.windowNanos = Math.max(0, window.toNanos());
        this.round = round;
    }

    /** New entries exist: a round runs within the window (at once if none is pending and the window is 0). */
    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::runRound, windowNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // shutting down
            }
        }
    }

    private void runRound() {
        // cleared first: an append committed while the round runs schedules the round after it
        scheduled.set(false);
        if (round.run() == Outcome.BUSY) {
            signal();
        }
    }
}
