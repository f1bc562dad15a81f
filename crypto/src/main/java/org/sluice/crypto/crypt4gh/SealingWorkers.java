package org.sluice.crypto.crypt4gh;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that seal data segments, shared by every Crypt4GH stream of the JVM: one per core unless the
 * system property {@value #PROPERTY} says otherwise ({@code 0}: each stream seals on its writer's thread).
 * Daemon threads, so they never keep a JVM alive.
 */
final class SealingWorkers {
    /** System property: how many threads seal segments; defaults to the number of cores. */
    static final String PROPERTY = "sluice.crypt4gh.threads";

    private SealingWorkers() {}

    /** How many threads seal segments. */
    static int count() {
        return Shared.THREADS;
    }

    /** Runs sealing tasks; with no threads, on the caller's thread. */
    static Executor executor() {
        return Shared.EXECUTOR;
    }

    private static final class Shared {
        static final int THREADS = threads();
        static final Executor EXECUTOR = THREADS == 0 ? Runnable::run : pool(THREADS);

        private static int threads() {
            int threads = Integer.getInteger(PROPERTY, Runtime.getRuntime().availableProcessors());
            if (threads < 0) {
                throw new IllegalArgumentException(PROPERTY + " must be 0 or more, not " + threads);
            }
            return threads;
        }

        private static ExecutorService pool(int threads) {
            AtomicInteger next = new AtomicInteger();
            return Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "crypt4gh-sealer-" + next.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
