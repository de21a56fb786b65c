package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.EmbeddedPostgres;
import org.openimr.TestApplications;
import org.openimr.reviewer.Assignments.Assignment;
import org.openimr.reviewer.Reviewer.Certification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Many cases reaching "Select reviewer" at the same moment on a real PostgreSQL, for two reviewers
 * with few places: the places are filled exactly, never exceeded, and every assignment is
 * accounted for. The test has its own database in the embedded server, so the roster can be
 * reduced to the two reviewers without touching other tests. The context closes after the test,
 * while the server is still up, rather than at the end of the test run.
 */
@SpringBootTest
@DirtiesContext
class ReviewerCapacityOnPostgresTest {

    private static final String DATABASE = "reviewer_capacity";
    private static final int CASES = 24;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Roster roster;

    @Autowired
    Assignments assignments;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmbeddedPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @Test
    void concurrentSelectionsFillThePlacesExactlyAndNeverExceedThem() throws Exception {
        jdbc.sql("update imr_reviewer set active = false").update();
        TestReviewers reviewers = new TestReviewers(context);
        Reviewer three = reviewers.add(occupationalMedicine(3));
        Reviewer two = reviewers.add(occupationalMedicine(2));
        CaseDriver cases = new CaseDriver(context);
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String caseNumber = cases.submit(TestApplications.seedCase());
            cases.recordsArrive(caseNumber);
            caseNumbers.add(caseNumber);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostOverCapacity = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger checks = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                int over = jdbc.sql("select max(open_cases - capacity) from imr_reviewer where id in (?, ?)")
                        .params(three.id(), two.id()).query(Integer.class).single();
                mostOverCapacity.accumulateAndGet(over, Math::max);
                checks.incrementAndGet();
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(CASES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> selections = new ArrayList<>();
        watcher.start();
        try {
            for (String caseNumber : caseNumbers) {
                selections.add(threads.submit(() -> {
                    start.await();
                    // Completing the check runs "Select reviewer" in this thread, as a request thread would.
                    cases.recordsComplete(caseNumber);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> selection : selections) {
                selection.get(120, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            watcher.join();
            threads.shutdownNow();
        }

        assertThat(checks.get()).isPositive();
        assertThat(mostOverCapacity.get()).as("open cases minus capacity, at its highest").isLessThanOrEqualTo(0);
        assertThat(roster.byId(three.id()).orElseThrow().openCases()).isEqualTo(3);
        assertThat(roster.byId(two.id()).orElseThrow().openCases()).isEqualTo(2);

        Map<String, Integer> assigned = new HashMap<>();
        int waitingForSupervisor = 0;
        for (String caseNumber : caseNumbers) {
            long caseId = cases.caseRecord(caseNumber).id();
            List<Assignment> current = assignments.history(caseId).stream().filter(a -> a.releasedAt() == null).toList();
            assertThat(current).as("current assignments of %s", caseNumber).hasSizeLessThanOrEqualTo(1);
            assertThat(jdbc.sql("select count(*) from imr_reviewer_selection where case_id = ?").param(caseId)
                    .query(Integer.class).single())
                    .as("selections recorded for %s", caseNumber).isEqualTo(1);
            if (current.isEmpty()) {
                assertThat(cases.tasks(caseNumber, "AssignReviewerManuallyTask")).hasSize(1);
                waitingForSupervisor++;
            } else {
                String reviewer = current.get(0).reviewerUserId();
                assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo(reviewer);
                assigned.merge(reviewer, 1, Integer::sum);
            }
        }
        assertThat(assigned).containsExactlyInAnyOrderEntriesOf(Map.of(three.userId(), 3, two.userId(), 2));
        assertThat(waitingForSupervisor).isEqualTo(CASES - 5);
        System.out.printf("Capacity under concurrent selection: %d threads, %d selections, %d assigned (places 3 + 2), "
                + "%d to a supervisor, highest open-cases-minus-capacity seen %d over %d checks%n", CASES, CASES,
                assigned.values().stream().mapToInt(Integer::intValue).sum(), waitingForSupervisor,
                mostOverCapacity.get(), checks.get());
    }

    private static Roster.Profile occupationalMedicine(int capacity) {
        return new Roster.Profile("Dr. Few Places", TestReviewers.yearsAgo(10), 40, capacity,
                List.of(new Certification(Specialty.OCCUPATIONAL_MEDICINE, true)), List.of("CA"));
    }
}
