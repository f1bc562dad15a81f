package org.sluice.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the {@link ReceiptCollector}: when an approval starts waiting (after its transaction committed) it
 * is asked for once, and when the audit log signed a new checkpoint every awaited receipt is asked for.
 * In-JVM only; what it would lose in a crash is in the database, and the collector's fallback poll and its
 * round at start find it there.
 */
@ApplicationScoped
public class ReceiptSignal {

    /** What woke the collector. */
    record Wake(boolean allAwaited, List<String> expected) {}

    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean checkpointed = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> expected = new ConcurrentLinkedQueue<>();

    /** An approval started waiting for its receipt: ask for it once now (the checkpoint may already cover it). */
    void expected(String decisionId) {
        expected.add(decisionId);
        wake.release();
    }

    /** The audit log signed a new checkpoint: every awaited receipt may be there now. */
    void checkpointSigned() {
        checkpointed.set(true);
        wake.release();
    }

    /** Waits for a wake-up at most this long; an empty, non-checkpoint answer means the time ran out. */
    Wake await(Duration atMost) throws InterruptedException {
        boolean woken = wake.tryAcquire(Math.max(1, atMost.toMillis()), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        List<String> ids = new ArrayList<>();
        for (String id; (id = expected.poll()) != null; ) {
            ids.add(id);
        }
        boolean full = checkpointed.getAndSet(false) || !woken;
        return new Wake(full, ids);
    }

    /** Wakes a waiting {@link #await} with nothing to do (shutting down). */
    void release() {
        wake.release();
    }
}
