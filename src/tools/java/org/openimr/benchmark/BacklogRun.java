package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the cost of the staff's everyday reads grows with the backlog: opens IMR cases at mixed stages
 * until the given number are open, then times a reviewer's tasks by due date, a group's tasks, the
 * SLA summary and a case's full detail, each several times, as the users who read them.
 * Stages of the open cases, by case index: 30 % awaiting records, 30 % at the records check, 15 % at
 * the clinical summary, 15 % at the item decisions, 10 % at the letter review.
 */
final class BacklogRun {

    private static final int[] STAGE_ROUNDS = {-1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3};
    private static final int SAMPLES = 60;

    private final StaffClient staff;
    private final BenchmarkDriver driver;
    private final int threads;
    private final List<String> openCases = Collections.synchronizedList(new ArrayList<>());
    private int opened;

    private final int reviewers;

    BacklogRun(StaffClient staff, BenchmarkDriver driver, int threads, int reviewers) {
        this.staff = staff;
        this.reviewers = reviewers;
        this.driver = driver;
        this.threads = threads;
    }

    /** Opens cases until {@code size} are open, printing progress. */
    void growTo(int size) throws Exception {
        int from = opened;
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                    driver.advance(i, STAGE_ROUNDS[i % STAGE_ROUNDS.length]);
                }
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            System.out.printf("  [backlog] %d/%d open, %.1f cases/s%n", Math.min(next.get(), size), size,
                    (next.get() - from) / ((System.nanoTime() - start) / 1e9));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        opened = size;
    }

    /** Times the four reads; each line: name, p50, p95. */
    List<String> measure() {
        JsonNode someCases = staff.get("supervisor1",
                "/engine-rest/task?processDefinitionKey=imr-case&maxResults=" + SAMPLES);
        List<String> caseNumbers = new ArrayList<>();
        someCases.forEach(task -> caseNumbers.add(staff.get("supervisor1", "/engine-rest/process-instance/"
                + task.get("processInstanceId").asText()).get("businessKey").asText()));
        Latencies reviewerTasks = new Latencies();
        Latencies groupTasks = new Latencies();
        Latencies slaSummary = new Latencies();
        Latencies caseDetail = new Latencies();
        for (int i = 0; i < SAMPLES; i++) {
            String reviewer = BenchmarkApplication.reviewer(1 + i * reviewers / SAMPLES);
            time(reviewerTasks, reviewer, "/engine-rest/task?assignee=" + reviewer
                    + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50");
            String[] group = i % 2 == 0 ? new String[] {"intake1", "intake"} : new String[] {"supervisor1", "supervisor"};
            time(groupTasks, group[0], "/engine-rest/task?candidateGroup=" + group[1]
                    + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50");
            time(slaSummary, "supervisor1", "/api/sla/summary");
            time(caseDetail, "supervisor1", "/api/cases/" + caseNumbers.get(i % caseNumbers.size()));
        }
        return List.of(line("a reviewer's tasks by due date", reviewerTasks), line("a group's tasks", groupTasks),
                line("SLA summary", slaSummary), line("a case's full detail", caseDetail));
    }

    private void time(Latencies latencies, String user, String path) {
        long start = System.nanoTime();
        staff.get(user, path);
        latencies.add(System.nanoTime() - start);
    }

    private static String line(String name, Latencies latencies) {
        return String.format("%-32s p50 %7.1f ms   p95 %7.1f ms", name, latencies.percentileMillis(50),
                latencies.percentileMillis(95));
    }
}
