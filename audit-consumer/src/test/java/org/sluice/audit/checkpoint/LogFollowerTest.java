package org.sluice.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When the signer runs its rounds, on a hand-driven clock and scheduler (nothing is timed): a quiet log is
 * signed at once, a busy one at most once per window, and a round that found the lock taken looks again
 * one window later.
 */
class LogFollowerTest {

    private static final long WINDOW = Duration.ofMillis(20).toNanos();

    private record Scheduled(Runnable task, long delayNanos) {}

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private LogFollower.Outcome outcome = LogFollower.Outcome.DONE;

    private final LogFollower follower = new LogFollower(
            (task, delay) -> scheduled.add(new Scheduled(task, delay)), now::get, Duration.ofNanos(WINDOW), () -> {
                rounds.incrementAndGet();
                return outcome;
            });

    private void runNext() {
        Scheduled next = scheduled.remove(0);
        now.addAndGet(next.delayNanos());
        next.task().run();
    }

    @Test
    void theFirstEntryOfAQuietLogIsSignedAtOnce() {
        follower.signal();

        assertThat(scheduled).singleElement().extracting(Scheduled::delayNanos).isEqualTo(0L);
    }

    @Test
    void anEntryAfterAQuietSpellIsSignedAtOnce() {
        follower.signal();
        runNext();
        now.addAndGet(WINDOW * 50); // the log was idle for a while

        follower.signal();

        assertThat(scheduled).singleElement().extracting(Scheduled::delayNanos).isEqualTo(0L);
    }

    @Test
    void entriesWithinAWindowOfTheLastRoundWaitForItsEndAndShareOneRound() {
        follower.signal();
        runNext();
        now.addAndGet(WINDOW / 4);

        follower.signal();
        follower.signal();
        follower.signal();

        assertThat(scheduled).singleElement().extracting(Scheduled::delayNanos).isEqualTo(WINDOW - WINDOW / 4);
        runNext();
        assertThat(rounds).hasValue(2);
    }

    @Test
    void anEntryAppendedWhileARoundRunsGetsTheNextRound() {
        LogFollower[] self = new LogFollower[1];
        self[0] = new LogFollower(
                (task, delay) -> scheduled.add(new Scheduled(task, delay)), now::get, Duration.ofNanos(WINDOW), () -> {
                    rounds.incrementAndGet();
                    if (rounds.get() == 1) {
                        self[0].signal(); // an append commits during the round
                    }
                    return LogFollower.Outcome.DONE;
                });

        self[0].signal();
        runNext();

        assertThat(scheduled).singleElement().extracting(Scheduled::delayNanos).isEqualTo(WINDOW);
        runNext();
        assertThat(rounds).hasValue(2);
    }

    @Test
    void aRoundThatFoundTheLockTakenLooksAgainOneWindowLater() {
        outcome = LogFollower.Outcome.BUSY;
        follower.signal();
        runNext();

        assertThat(scheduled).singleElement().extracting(Scheduled::delayNanos).isEqualTo(WINDOW);
        outcome = LogFollower.Outcome.DONE;
        runNext();
        assertThat(rounds).hasValue(2);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aSchedulerShutDownDoesNotWedgeTheFollower() {
        boolean[] open = {false};
        LogFollower closing = new LogFollower(
                (task, delay) -> {
                    if (!open[0]) {
                        throw new RejectedExecutionException("shut down");
                    }
                    scheduled.add(new Scheduled(task, delay));
                },
                now::get,
                Duration.ofNanos(WINDOW),
                () -> LogFollower.Outcome.DONE);

        closing.signal();
        open[0] = true;
        closing.signal();

        assertThat(scheduled).hasSize(1);
    }
}
