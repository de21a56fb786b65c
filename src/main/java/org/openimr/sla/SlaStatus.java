package org.openimr.sla;

/** How a case stands against the deadline running now; Tasklist priorities follow it. */
public enum SlaStatus {
    ON_TRACK(50), AT_RISK(75), BREACHED(100);

    private final int taskPriority;

    SlaStatus(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    /** The priority of the case's tasks, so that Tasklist's priority sort puts late cases first. */
    public int taskPriority() {
        return taskPriority;
    }
}
