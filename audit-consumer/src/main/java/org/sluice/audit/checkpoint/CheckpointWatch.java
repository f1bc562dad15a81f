package org.sluice.audit.checkpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells waiting readers that this replica signed a checkpoint, so a receipt request that found its entry
 * not yet covered can answer as soon as one covers it. A reader takes {@link #next()} before it looks
 * (so a checkpoint signed while it looks is not missed), then waits on it. In-JVM only: a checkpoint
 * another replica signs is found when the reader looks again after its re-check interval.
 */
@ApplicationScoped
public class CheckpointWatch {

    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());
    private final AtomicInteger held = new AtomicInteger();

    public CheckpointWatch(MeterRegistry meters) {
        Gauge.builder("sluice.audit.receipts.held", held, AtomicInteger::get)
                .description("receipt requests held until a checkpoint covers their entry (each takes a worker thread)")
                .register(meters);
    }

    /** Completes at the next checkpoint this replica signs. */
    public CompletableFuture<Void> next() {
        return next.get();
    }

    /** A checkpoint was signed and committed. */
    void signed() {
        next.getAndSet(new CompletableFuture<>()).complete(null);
    }

    /**
     * Holds the caller at most {@code atMost} for {@code signal} (taken from {@link #next()}), counted in
     * {@code sluice.audit.receipts.held} meanwhile.
     *
     * @return whether a checkpoint was signed
     */
    public boolean await(CompletableFuture<Void> signal, Duration atMost) throws InterruptedException {
        held.incrementAndGet();
        try {
            signal.get(Math.max(0, atMost.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a checkpoint signal never fails", e);
        } finally {
            held.decrementAndGet();
        }
    }
}
