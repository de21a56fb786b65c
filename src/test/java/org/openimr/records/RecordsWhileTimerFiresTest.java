package org.openimr.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.TestApplications;
import org.openimr.cases.CaseStageListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Medical records arrive at the moment the records-due timer fires, on another node or thread:
 * both transactions change the same waiting case. The timer commits first; the engine refuses the
 * records' transaction (optimistic locking), which runs again from the start and then succeeds.
 * Nothing is lost: the supervisor's follow-up task stays, the records are on file once and the
 * case moves on to the completeness check.
 */
// An engine name of its own: Camunda keeps engines in a JVM-wide registry by name, and this context's engine
// must not stand in for the shared test context's "default" one there (its REST API looks it up by name).
@SpringBootTest(properties = "camunda.bpm.process-engine-name=records_timer_test")
class RecordsWhileTimerFiresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ManagementService managementService;

    @Autowired
    Documents documents;

    /** Holds the records' transaction inside the engine, where it has read the case but not yet written it. */
    @MockitoSpyBean
    CaseStageListener caseStage;

    @Test
    void recordsArrivingWhileTheRecordsDueTimerFiresAreKeptAndSoIsTheFollowUpRequest() throws Exception {
        CaseDriver cases = new CaseDriver(context);
        String caseNumber = cases.submit(TestApplications.seedCase());
        Job timer = cases.timer(caseNumber, "RecordsDueTimer");

        CountDownLatch recordsInFlight = new CountDownLatch(1);
        CountDownLatch timerFired = new CountDownLatch(1);
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        doAnswer(call -> {
            if (firstAttempt.getAndSet(false)) {
                recordsInFlight.countDown();
                assertThat(timerFired.await(1, TimeUnit.MINUTES)).isTrue();
            }
            return call.callRealMethod();
        }).when(caseStage).enter(any(), eq("RECORDS_CHECK"));

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> records = thread.submit(() -> cases.recordsArrive(caseNumber));
            assertThat(recordsInFlight.await(1, TimeUnit.MINUTES)).isTrue();
            managementService.executeJob(timer.getId());
            timerFired.countDown();
            records.get(1, TimeUnit.MINUTES);
        } finally {
            thread.shutdownNow();
        }

        verify(caseStage, times(2)).enter(any(), eq("RECORDS_CHECK"));
        // The timer's follow-up request stands; its task ended with the records that came.
        assertThat(documents.requests(cases.caseRecord(caseNumber).id())).extracting(Documents.RecordsRequest::kind)
                .contains("FOLLOW_UP");
        cases.progress(caseNumber).hasPassed("FollowUpOverdueRecordsTask", "FollowUpNoLongerNeededEndEvent");
        assertThat(cases.tasks(caseNumber, "FollowUpOverdueRecordsTask")).isEmpty();
        assertThat(cases.tasks(caseNumber, "CheckRecordsCompletenessTask")).hasSize(1);
        assertThat(documents.forCase(cases.caseRecord(caseNumber).id())).hasSize(2);
        assertThat(cases.caseRecord(caseNumber).stage()).isEqualTo("RECORDS_CHECK");
    }
}
