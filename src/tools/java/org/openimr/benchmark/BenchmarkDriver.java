package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Moves cases of a {@link CaseFlow} the way the IMR organization's staff would, over HTTP or through
 * the engine's Java API ({@link TaskWork}): intake submits the application and posts the records,
 * then each open task of the case is done by the user
 * of its role: intake staff claim and check the records, the assigned reviewer writes the summary and
 * decides each item (after opening its form), a supervisor claims and approves the letter (or assigns
 * a reviewer by hand when selection found none). The case's open tasks are looked up as a supervisor,
 * who sees them all. Times case submission and task completion.
 */
public final class BenchmarkDriver {

    private static final String SUPERVISOR = "supervisor1";
    /** More task rounds than any case needs (records check, summary, decisions, letter review, a manual assignment). */
    private static final int MAX_ROUNDS = 8;

    private final TaskWork work;
    private final CaseFlow flow;
    private final Latencies submissions = new Latencies();
    private final Latencies completions = new Latencies();

    BenchmarkDriver(TaskWork work, CaseFlow flow) {
        this.work = work;
        this.flow = flow;
    }

    /** The same work and flow, with latencies of its own (a warm-up's are not counted). */
    public BenchmarkDriver fresh() {
        return new BenchmarkDriver(work, flow);
    }

    public CaseFlow flow() {
        return flow;
    }

    public Latencies submissions() {
        return submissions;
    }

    public Latencies completions() {
        return completions;
    }

    public String submit(int caseIndex) {
        long start = System.nanoTime();
        String key = flow.submit(caseIndex);
        submissions.add(System.nanoTime() - start);
        return key;
    }

    /** A case from its application until its last task is done; returns the tasks completed. */
    public int runToEnd(int caseIndex) {
        return advance(caseIndex, MAX_ROUNDS);
    }

    /**
     * Submits a case, posts its records when {@code taskRounds} >= 0, then completes its open tasks
     * round by round, at most {@code taskRounds} rounds: 0 leaves it at the records check, 1 at the
     * clinical summary, 2 at the decisions, 3 at the letter review. -1 leaves it awaiting records.
     */
    public int advance(int caseIndex, int taskRounds) {
        String key = submit(caseIndex);
        if (taskRounds < 0) {
            return 0;
        }
        flow.deliverRecords(key);
        int done = 0;
        for (int round = 0; round < taskRounds; round++) {
            List<TaskWork.OpenTask> tasks = work.openTasks(SUPERVISOR, key);
            if (tasks.isEmpty()) {
                break;
            }
            for (TaskWork.OpenTask task : tasks) {
                complete(task);
                done++;
            }
        }
        return done;
    }

    private void complete(TaskWork.OpenTask task) {
        String id = task.id();
        String key = task.definitionKey();
        String user = task.assignee() != null ? task.assignee() : userFor(key, id);
        if (task.assignee() == null) {
            work.claim(user, id);
        }
        Map<String, Object> answers = switch (key) {
            case "CheckRecordsCompletenessTask" -> Map.of("recordsComplete", true);
            case "WriteClinicalSummaryTask" -> Map.of("pagesReviewed", 54, "clinicalSummary",
                    "The claimant was described as a 44-year-old worker injured at work in 2012; the records "
                            + "document ongoing neck and low back pain treated with medication and therapy.");
            case "DecideItemTask" -> {
                JsonNode formVariables = work.formVariables(user, id);
                flow.beforeDecision(user, formVariables);
                yield flow.decision(formVariables);
            }
            case "ReviewLetterTask" -> Map.of("letterApproved", true);
            case "AssignReviewerManuallyTask" -> Map.of("retrySelection", false, "manualReviewerUserId", "reviewer1");
            default -> throw new IllegalStateException("The benchmark does not expect a task " + key);
        };
        long start = System.nanoTime();
        work.submitForm(user, id, answers);
        completions.add(System.nanoTime() - start);
    }

    /** Two intake clerks share the records checks. */
    private static String userFor(String taskKey, String taskId) {
        if ("CheckRecordsCompletenessTask".equals(taskKey)) {
            return (taskId.hashCode() & 1) == 0 ? "intake1" : "intake2";
        }
        return SUPERVISOR;
    }
}
