package org.openimr.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap use seen since the last reset, sampled by the progress thread. The benchmark's
 * driver runs in the same JVM as the application, so this is the heap of both.
 */
final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peak;

    synchronized void sample() {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    synchronized long resetPeak() {
        long before = peak;
        peak = 0;
        return before;
    }

    synchronized long peakBytes() {
        return peak;
    }

    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }
}
