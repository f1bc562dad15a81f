package org.sluice.bench.overload;

import java.util.Arrays;
import java.util.List;
import org.sluice.bench.overload.OverloadDriver.Family;

/** What one client saw of one endpoint family: answers by status class and their latencies. */
final class Tally {

    private final Family family;
    private long[] nanos = new long[1 << 14];
    private int requests;
    private long ok;
    private long tooMany;
    private long serverErrors;
    private long otherStatuses;
    private long failures;
    private long longestRetryAfter;

    Tally(Family family) {
        this.family = family;
    }

    void record(int status, long elapsedNanos, String retryAfter) {
        if (requests == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[requests++] = elapsedNanos;
        if (status >= 200 && status < 300) {
            ok++;
        } else if (status == 429) {
            tooMany++;
            longestRetryAfter = Math.max(longestRetryAfter, OverloadDriver.retryAfterSeconds(retryAfter));
        } else if (status >= 500) {
            serverErrors++;
        } else {
            otherStatuses++;
        }
    }

    void failure() {
        failures++;
    }

    /** The tallies of one family's clients together. */
    static Tally merge(Family family, List<Tally> all) {
        Tally merged = new Tally(family);
        for (Tally t : all) {
            if (t.family != family) {
                continue;
            }
            merged.nanos = Arrays.copyOf(merged.nanos, Math.max(merged.nanos.length, merged.requests + t.requests));
            System.arraycopy(t.nanos, 0, merged.nanos, merged.requests, t.requests);
            merged.requests += t.requests;
            merged.ok += t.ok;
            merged.tooMany += t.tooMany;
            merged.serverErrors += t.serverErrors;
            merged.otherStatuses += t.otherStatuses;
            merged.failures += t.failures;
            merged.longestRetryAfter = Math.max(merged.longestRetryAfter, t.longestRetryAfter);
        }
        return merged;
    }

    double percentileMillis(double p) {
        if (requests == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, requests);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * requests) - 1;
        return sorted[Math.max(0, Math.min(index, requests - 1))] / 1e6;
    }

    long requests() {
        return requests;
    }

    long ok() {
        return ok;
    }

    long tooMany() {
        return tooMany;
    }

    long serverErrors() {
        return serverErrors;
    }

    long otherStatuses() {
        return otherStatuses;
    }

    long failures() {
        return failures;
    }

    long longestRetryAfter() {
        return longestRetryAfter;
    }
}
