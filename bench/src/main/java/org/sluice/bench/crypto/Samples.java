package org.sluice.bench.crypto;

import java.util.Arrays;

/** Timings of repeated runs, in nanoseconds. */
record Samples(long[] nanos) {

    double medianMillis() {
        return percentileMillis(50);
    }

    double percentileMillis(int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** MB/s (10^6 bytes per second) of the median run over {@code bytes}. */
    double medianMegabytesPerSecond(long bytes) {
        return bytes / 1e6 / (medianMillis() / 1e3);
    }
}
