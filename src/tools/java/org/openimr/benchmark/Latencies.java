package org.openimr.benchmark;

import java.util.Arrays;

/** Durations of one kind of request, collected from several threads, read as percentiles. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The p-th percentile (0-100) in milliseconds, nearest rank; 0 when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    public String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)", percentileMillis(50), percentileMillis(95),
                percentileMillis(99), count());
    }
}
