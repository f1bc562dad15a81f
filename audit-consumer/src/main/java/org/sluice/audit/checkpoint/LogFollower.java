package org.sluice.audit.checkpoint;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Turns "new entries exist" signals into signing rounds, at most one per batch window: a signal when no
 * round ran within the last window (a quiet log) runs a round at once, so a lone entry waits for no
 * window; a signal sooner than that schedules the round for one window after the last one began, and
 * signals until then ride along with it. A round that could not sign because another signer held the lock
 * asks to be run again one window later, so entries are never left waiting for a slow timer. No framework
 * types: the scheduler and the clock are the caller's.
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

    /** Runs a task after a delay (a scheduled executor); may throw {@link RejectedExecutionException}. */
    @FunctionalInterface
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final long windowNanos;
    private final Round round;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean ranBefore;
    private volatile long lastRoundStart;

    LogFollower(Scheduler scheduler, LongSupplier nanoTime, Duration window, Round round) {
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.windowNanos = Math.max(0, window.toNanos());
        this.round = round;
    }

    /** New entries exist: a round runs at once if none began within the window, else one window after it. */
    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            schedule(ranBefore ? Math.max(0, lastRoundStart + windowNanos - nanoTime.getAsLong()) : 0);
        }
    }

    private void schedule(long delayNanos) {
        try {
            scheduler.schedule(this::runRound, delayNanos);
        } catch (RejectedExecutionException e) {
            scheduled.set(false); // shutting down
        }
    }

    private void runRound() {
        lastRoundStart = nanoTime.getAsLong();
        ranBefore = true;
        // cleared first: an append committed while the round runs schedules the round after it
        scheduled.set(false);
        if (round.run() == Outcome.BUSY && scheduled.compareAndSet(false, true)) {
            schedule(windowNanos); // the other signer's round is under way: look again one window later
        }
    }
}
