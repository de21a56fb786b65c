package org.openimr.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.openimr.load.Nodes;

/** What the nodes answered during a run: by kind of answer, and the requests no node answered. */
final class RequestCounts implements Nodes.Observer {

    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong refusedByApplication = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong connectionRefused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    @Override
    public void answered(String label, int node, Duration took, int status) {
        (status < 400 ? succeeded : status < 500 ? refusedByApplication : failed).incrementAndGet();
    }

    @Override
    public void unanswered(String label, int node, Duration took, boolean reachedNode) {
        (reachedNode ? unanswered : connectionRefused).incrementAndGet();
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
