package org.openimr.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * N cases of one flow, end to end, on a fixed number of staff threads (each works one case at a
 * time from application to letter review), then waits until the job executor has ended every case.
 * Prints a progress line every few seconds.
 */
final class ThroughputRun {

    /** How long the job executor may take to end the last cases after the last task. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    record Result(String flow, int cases, int tasks, double seconds, double cpuSeconds, double databaseCpuSeconds,
                  long databaseBytes, Map<String, Long> tableGrowth, long peakHeapBytes, Latencies submissions,
                  Latencies completions, long stillRunning) {

        /** This result and a later run of the same flow together (the drivers' latencies accumulate already). */
        Result plus(Result later) {
            Map<String, Long> tables = new HashMap<>(tableGrowth);
            later.tableGrowth.forEach((table, bytes) -> tables.merge(table, bytes, Long::sum));
            return new Result(flow, cases + later.cases, tasks + later.tasks, seconds + later.seconds,
                    cpuSeconds + later.cpuSeconds, databaseCpuSeconds + later.databaseCpuSeconds,
                    databaseBytes + later.databaseBytes, tables,
                    Math.max(peakHeapBytes, later.peakHeapBytes), later.submissions, later.completions,
                    stillRunning + later.stillRunning);
        }

        double casesPerSecond() {
            return cases / seconds;
        }

        double tasksPerSecond() {
            return tasks / seconds;
        }
    }

    private final BenchmarkApplication app;
    private final HeapSampler heap;
    private final int threads;

    ThroughputRun(BenchmarkApplication app, HeapSampler heap, int threads) {
        this.app = app;
        this.heap = heap;
        this.threads = threads;
    }

    Result run(BenchmarkDriver driver, String processKey, int firstIndex, int cases) throws Exception {
        long databaseBefore = app.databaseBytes();
        Map<String, Long> tablesBefore = app.tableBytes();
        heap.resetPeak();
        LongSupplier cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())::getProcessCpuTime;
        long cpuBefore = cpu.getAsLong();
        long databaseCpuBefore = app.postgresCpu().nanos();
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService staff = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(staff.submit(() -> {
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    tasks.addAndGet(driver.runToEnd(firstIndex + i));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        staff.shutdown();
        while (!staff.awaitTermination(5, TimeUnit.SECONDS)) {
            progress(driver.flow().name(), done.get(), cases, tasks.get(), start);
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long running = app.runningInstances(processKey);
        while (running > 0 && System.nanoTime() < drainDeadline) {
            heap.sample();
            Thread.sleep(50);
            running = app.runningInstances(processKey);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getAsLong() - cpuBefore) / 1e9;
        double databaseCpuSeconds = (app.postgresCpu().nanos() - databaseCpuBefore) / 1e9;
        heap.sample();
        Map<String, Long> tableGrowth = new HashMap<>();
        app.tableBytes().forEach((table, bytes) -> tableGrowth.put(table, bytes - tablesBefore.getOrDefault(table, 0L)));
        return new Result(driver.flow().name(), cases, tasks.get(), seconds, cpuSeconds, databaseCpuSeconds,
                app.databaseBytes() - databaseBefore, tableGrowth, heap.peakBytes(), driver.submissions(), driver.completions(),
                running);
    }

    private void progress(String flow, int done, int cases, int tasks, long start) {
        heap.sample();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  [%s] %d/%d cases, %d tasks, %.1f cases/s, heap %d MB, load %.1f%n", flow, done, cases,
                tasks, done / seconds, heap.peakBytes() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
