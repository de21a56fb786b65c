package org.openimr.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The faults of a run, in order, each tied to the cases: it is injected once a given number of
 * cases have started, so that cases are in flight on every node when it strikes, and cases from a
 * later number on wait until it is over (the killed node is back, the database is up), so that the
 * next fault strikes a cluster that has recovered and the run does not end before its faults.
 */
final class FaultPlan {

    private record Step(int trigger, int barrier, Callable<String> fault, CountDownLatch over) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param trigger strikes once this many cases have started
     * @param barrier cases from this number on wait until it is over
     * @param fault   injects the fault, waits for recovery, and says what happened
     */
    void add(int trigger, int barrier, Callable<String> fault) {
        steps.add(new Step(trigger, barrier, fault, new CountDownLatch(1)));
    }

    int size() {
        return steps.size();
    }

    /** Called before case {@code caseNumber} (from 1) starts. */
    void gate(int caseNumber) throws InterruptedException {
        for (Step step : steps) {
            if (caseNumber >= step.barrier()) {
                step.over().await();
            }
        }
    }

    /**
     * Injects the faults one after another as the cases reach them (the plan's own thread); a fault
     * the cases never reach because the drivers stopped is reported as not injected.
     */
    void run(IntSupplier started, BooleanSupplier driversStopped) throws InterruptedException {
        for (Step step : steps) {
            while (started.getAsInt() < step.trigger() && !driversStopped.getAsBoolean()) {
                Thread.sleep(50);
            }
            if (started.getAsInt() < step.trigger()) {
                fail("Not injected: the drivers stopped before case " + step.trigger());
                step.over().countDown();
                continue;
            }
            try {
                report(step.fault().call());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                fail("A fault step failed: " + e);
            } finally {
                step.over().countDown();
            }
        }
    }

    /** Lets every waiting case go on, e.g. when the run is cut short. */
    void release() {
        steps.forEach(step -> step.over().countDown());
    }

    synchronized void report(String line) {
        report.add(line);
        System.out.println("   fault: " + line);
    }

    synchronized void fail(String line) {
        failures.add(line);
        System.out.println("   FAULT STEP FAILED: " + line);
    }

    synchronized List<String> report() {
        return List.copyOf(report);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
