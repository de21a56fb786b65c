package org.openimr.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.openimr.load.Nodes;

/**
 * What the nodes answered during a run: by kind of answer, and the requests no node answered; and
 * the submissions each node has in hand at the moment, so that a node can be killed while it
 * registers an application.
 */
final class RequestCounts implements Nodes.Observer {

    private static final String SUBMIT = "submit";

    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong refusedByApplication = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong connectionRefused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicIntegerArray submissionsInHand;

    RequestCounts(int nodes) {
        submissionsInHand = new AtomicIntegerArray(nodes);
    }

    @Override
    public void sending(String label, int node) {
        if (SUBMIT.equals(label)) {
            submissionsInHand.incrementAndGet(node);
        }
    }

    @Override
    public void answered(String label, int node, Duration took, int status) {
        done(label, node);
        (status < 400 ? succeeded : status < 500 ? refusedByApplication : failed).incrementAndGet();
    }

    @Override
    public void unanswered(String label, int node, Duration took, boolean reachedNode) {
        done(label, node);
        (reachedNode ? unanswered : connectionRefused).incrementAndGet();
    }

    /** Waits, at most {@code atMost}, until the node has a submission in hand; false when none came. */
    boolean awaitSubmissionInHand(int node, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (submissionsInHand.get(node) == 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void done(String label, int node) {
        if (SUBMIT.equals(label)) {
            submissionsInHand.decrementAndGet(node);
        }
    }

    long total() {
        return succeeded.get() + refusedByApplication.get() + failed.get() + connectionRefused.get() + unanswered.get();
    }

    /** For the progress line. */
    String brief() {
        return total() + " requests (" + failed.get() + " 5xx, " + connectionRefused.get() + " refused, "
                + unanswered.get() + " unanswered)";
    }

    @Override
    public String toString() {
        return total() + " requests: " + succeeded.get() + " succeeded, " + refusedByApplication.get()
                + " answered 4xx (a task done meanwhile, a duplicate application), " + failed.get()
                + " answered 5xx (database down, a conflict refused), " + connectionRefused.get()
                + " refused by a dead node and sent to the other, " + unanswered.get()
                + " without an answer (outcome unknown, looked at again)";
    }
}
