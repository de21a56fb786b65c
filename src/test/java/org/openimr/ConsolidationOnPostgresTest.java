package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.openimr.letter.StoredLetter;
import org.openimr.records.Documents;
import org.openimr.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Consolidation (8 CCR 9792.10.4(a)) on a real PostgreSQL: a second application of the same
 * employee, requesting physician and date of injury, arriving while the earlier case awaits its
 * records, waits at "Screen application" with the earlier case shown (finding C1). Joined, its items
 * become items of the earlier case, decided in its review and letter; the application closes as
 * consolidated and every party of both is told once. Kept separate, it goes on as a case of its own.
 */
class ConsolidationOnPostgresTest extends CaseOnPostgresTest {

    private static final String CHIRO = "Chiropractic manipulation, lumbar spine, 2 times a week for 6 weeks";

    @Autowired
    LetterService letters;

    @Autowired
    CaseRegistry registry;

    @Autowired
    Documents documents;

    @Test
    void aSecondApplicationJoinedIntoTheEarlierCaseIsDecidedInItsReviewAndEveryPartyToldOnce() throws Exception {
        ObjectNode first = TestApplications.seedCase();
        String earlier = cases.submit(first);
        String caseNumber = cases.submit(secondApplication(first));

        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask").hasNotPassed("SendNoticeOfAssignmentTask");
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat((String) taskService.getVariable(task.getId(), "screeningFindings"))
                .startsWith("- **C1** IMR case " + earlier + " of the same employee, requesting physician and date of injury");
        assertThat((String) taskService.getVariable(task.getId(), "consolidationCandidateShown"))
                .isEqualTo("- Case " + earlier + ", received 2014-07-14, awaiting records");
        assertThat(taskService.getVariable(task.getId(), "consolidateInto")).isEqualTo(earlier);

        // The employee sent the treating physician's report with the second application.
        cases.recordsArrive(caseNumber);
        JsonNode deadlinesBefore = deadlines(earlier);
        cases.screen(caseNumber, Map.of("screeningDecision", "CONSOLIDATE", "consolidateInto", earlier,
                "consolidationNote", "One physician, one injury: one determination."));

        cases.progress(caseNumber).hasPassed("JoinApplicationTask").hasNotPassed("SendNoticeOfAssignmentTask")
                .isWaitingAt("SendConsolidationNoticeTask");
        CaseRecord joined = cases.caseRecord(caseNumber);
        assertThat(joined.status()).isEqualTo("CONSOLIDATED");
        assertThat(joined.stage()).isEqualTo("CONSOLIDATED");
        assertThat(joined.closeReason()).isEqualTo("Joined into case " + earlier);
        // The earlier case has the item, numbered on after its own, with its application data; its review will decide both.
        CaseRecord into = cases.caseRecord(earlier);
        assertThat(registry.items(into.id())).extracting(CaseRegistry.StoredItem::requestedTreatment)
                .containsExactly(first.at("/disputedItems/0/requestedTreatment").asText(), CHIRO);
        assertThat(registry.items(into.id()).get(1).itemJson()).contains("\"priorUnits\":6", "LUMBAR");
        assertThat(cases.variable(earlier, "itemCount")).isEqualTo(2);
        assertThat((String) cases.variable(earlier, "requestedItems")).endsWith("\n2. " + CHIRO);
        assertThat(registry.screenedOutItems(joined.id())).containsExactly(1);
        // Its documents on file go with it, for the earlier case's reviewer to read and cite; the case still waits
        // for the claims administrator's records.
        assertThat(documents.forCase(joined.id())).isEmpty();
        assertThat(documents.forCase(into.id())).hasSize(2);
        assertThat((String) cases.variable(earlier, "receivedDocuments")).contains("2 documents, 54 pages in all");
        cases.progress(earlier).isWaitingAt("WaitForRecordsTask");
        // The earlier case's clock governs every item: its records deadline stays as it was.
        assertThat(deadlines(earlier).get("recordsDueAt")).isEqualTo(deadlinesBefore.get("recordsDueAt")).isNotNull();
        assertThat(deadlines(earlier).get("slaDeadline")).isEqualTo(deadlinesBefore.get("slaDeadline"));
        // Both cases' histories, which their timelines show, say so.
        assertThat(cases.screening(caseNumber).at("/decisions/0/decision").asText()).isEqualTo("CONSOLIDATE");
        assertThat(cases.screening(caseNumber).at("/decisions/0/reason").asText())
                .isEqualTo("Joined into case " + earlier + ": One physician, one injury: one determination.");
        JsonNode intoHistory = cases.screening(earlier).at("/decisions/0");
        assertThat(intoHistory.get("decision").asText()).isEqualTo("CONSOLIDATED");
        assertThat(intoHistory.get("reason").asText()).isEqualTo("Application of case " + caseNumber
                + " joined into this case: its items (1) as (2).");
        assertThat(intoHistory.get("decidedBy").asText()).isEqualTo("intake1");
        assertThat(timeline(earlier)).contains("Application of case " + caseNumber + " joined into this case");
        // The case API and the case page say which application each joined item came from, and when.
        JsonNode view = cases.as("supervisor1").get().uri("/api/cases/{n}", earlier).retrieve().body(JsonNode.class);
        assertThat(view.at("/disputedItems/0").has("joinedFrom")).isFalse();
        assertThat(view.at("/disputedItems/1/joinedFrom/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(view.at("/disputedItems/1/joinedFrom/itemNo").asInt()).isEqualTo(1);
        assertThat(Instant.parse(view.at("/disputedItems/1/joinedFrom/joinedAt").asText()))
                .isBetween(joined.closedAt().minusSeconds(60), joined.closedAt());
        JsonNode page = cases.as("supervisor1").get().uri("/api/cases/{n}/overview", earlier).retrieve()
                .body(JsonNode.class);
        assertThat(page.at("/disputedItems/0").has("joinedFrom")).isFalse();
        assertThat(page.at("/disputedItems/1/joinedFrom/page").asText()).isEqualTo("/case.html?number=" + caseNumber);
        assertThat(page.at("/disputedItems/1/joinedFrom/joinedAt/california").asText()).matches("[A-Z][a-z]{2} \\d.*");

        cases.runJobs(caseNumber);

        cases.progress(caseNumber).isEnded().hasPassed("CaseConsolidatedEndEvent");
        StoredLetter notice = letters.issued(joined, LetterKind.CONSOLIDATION_NOTICE).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("APPLICATIONS CONSOLIDATED FOR A SINGLE DETERMINATION",
                "Case Number: " + caseNumber, "the application of IMR case " + earlier + ", received July 14, 2014",
                "it has not been found ineligible", "The deadlines of that case apply to every item");
        assertThat(CaseDriver.squash(letters.text(notice)))
                .contains(CaseDriver.squash("(1) " + CHIRO + ": item (2) of IMR case " + earlier));
        // The parties of both applications, each once: the same employee, physician and claims administrator.
        assertThat(letters.recipientsIssued(notice)).containsExactly("EMPLOYEE: " + joined.employeeName(),
                "REQUESTING_PHYSICIAN: Dr. Test Physician", "CLAIMS_ADMINISTRATOR: Sierra Claims Administrators");
        // Run again (a retried job, an operator), the step sends nothing more.
        context.getBean("sendConsolidationNotice", JavaDelegate.class).execute(execution(caseNumber, earlier));
        assertThat(letters.letters(joined)).containsExactly(notice);
        assertThat(letters.letters(into)).extracting(StoredLetter::kind)
                .doesNotContain(LetterKind.CONSOLIDATION_NOTICE.name());

        // The earlier case's review decides both items, under its own deadline, and its letter names both.
        cases.recordsArrive(earlier);
        cases.recordsComplete(earlier);
        cases.writeClinicalSummary(earlier);
        assertThat(cases.tasks(earlier, "DecideItemTask")).extracting(Task::getName).anySatisfy(
                name -> assertThat(name).startsWith("Decide disputed item 2").contains("Chiropractic"));
        cases.decideAllItems(earlier, "OVERTURNED");
        cases.approveLetter(earlier);
        cases.runJobs(earlier);
        cases.progress(earlier).isEnded().hasPassed("DeterminationIssuedEndEvent");
        String letter = CaseDriver.flat(letters.text(letters.issued(into, LetterKind.FINAL_DETERMINATION).orElseThrow()));
        assertThat(letter).contains("Additional Massage Therapy Visits", "Chiropractic manipulation");
    }

    @Test
    void aScreenerWhoKeepsTheApplicationSeparateSaysWhyAndItGoesOnAsACaseOfItsOwn() {
        ObjectNode first = TestApplications.seedCase();
        String earlier = cases.submit(first);
        String caseNumber = cases.submit(secondApplication(first));
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "KEEP_SEPARATE")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Why join or keep separate is required to keep the application separate");
        // With the candidate as its only finding, the application is not ineligible.
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "INELIGIBLE")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("consolidate or keep separate");

        taskService.complete(task.getId(), Map.of("screeningDecision", "KEEP_SEPARATE",
                "consolidationNote", "The earlier case's records are almost complete."));

        cases.progress(caseNumber).hasPassed("SendNoticeOfAssignmentTask").hasNotPassed("JoinApplicationTask")
                .isWaitingAt("WaitForRecordsTask");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("OPEN");
        assertThat(cases.screening(caseNumber).at("/decisions/0/reason").asText())
                .isEqualTo("Kept separate from case " + earlier + ": The earlier case's records are almost complete.");
        assertThat(registry.items(cases.caseRecord(earlier).id())).hasSize(1);
        assertThat(cases.screening(earlier).get("decisions")).isEmpty();
        assertThat(letters.letters(cases.caseRecord(caseNumber))).extracting(StoredLetter::kind)
                .containsExactly(LetterKind.NOTICE_OF_ASSIGNMENT.name());
    }

    @Test
    void anEarlierCaseStillInScreeningIsShownAndOfferedToTheWaitingApplicationOnceFoundEligible() {
        // The earlier application lacks the UR decision: it waits at "Screen application" too.
        ObjectNode first = TestApplications.seedCase().put("urDecisionAttached", false);
        String earlier = cases.submit(first);
        cases.progress(earlier).isWaitingAt("ScreenApplicationTask");
        String caseNumber = cases.submit(secondApplication(first).put("urDecisionAttached", true));

        // Clean but for the earlier case, the application waits for the screener, who sees why.
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask").hasNotPassed("SendNoticeOfAssignmentTask");
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat((String) taskService.getVariable(task.getId(), "screeningFindings")).isEqualTo("- **C1** IMR case "
                + earlier + " of the same employee, requesting physician and date of injury is still in screening: once "
                + "it is found eligible it is offered here to join for a single determination (8 CCR 9792.10.4(a)); keep "
                + "the application separate to go on without it.");
        assertThat((String) taskService.getVariable(task.getId(), "consolidationCandidateShown")).isEqualTo("- Case "
                + earlier + ", received 2014-07-14, still in screening: it can be joined once found eligible");
        assertThat(taskService.getVariable(task.getId(), "consolidateInto")).isNull();
        // It cannot be joined yet: nothing moves.
        taskService.claim(task.getId(), "intake1");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "CONSOLIDATE",
                "consolidateInto", earlier))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Earlier case to join must name a case found eligible: case " + earlier
                        + " is still in screening");
        assertThat(registry.items(cases.caseRecord(earlier).id())).hasSize(1);

        // The earlier case's screener finds it eligible: the waiting application's task now offers it.
        cases.screen(earlier, Map.of("screeningDecision", "ELIGIBLE",
                "screeningReason", "The UR decision came with the physician's report."));
        cases.progress(earlier).isWaitingAt("WaitForRecordsTask");
        assertThat((String) taskService.getVariable(task.getId(), "screeningFindings")).isEqualTo("- **C1** IMR case "
                + earlier + " of the same employee, requesting physician and date of injury is open and not yet with a "
                + "reviewer: the applications may be joined for a single determination (8 CCR 9792.10.4(a)).");
        assertThat((String) taskService.getVariable(task.getId(), "consolidationCandidateShown"))
                .isEqualTo("- Case " + earlier + ", received 2014-07-14, awaiting records");
        assertThat(taskService.getVariable(task.getId(), "consolidateInto")).isEqualTo(earlier);

        taskService.complete(task.getId(), Map.of("screeningDecision", "CONSOLIDATE", "consolidateInto", earlier));

        cases.progress(caseNumber).hasPassed("JoinApplicationTask").hasNotPassed("SendNoticeOfAssignmentTask");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("CONSOLIDATED");
        assertThat(registry.items(cases.caseRecord(earlier).id())).extracting(CaseRegistry.StoredItem::requestedTreatment)
                .containsExactly(first.at("/disputedItems/0/requestedTreatment").asText(), CHIRO);
    }

    @Test
    void anApplicationKeptSeparateFromAnEarlierCaseInScreeningIsNotOfferedItAgain() {
        ObjectNode first = TestApplications.seedCase().put("urDecisionAttached", false);
        String earlier = cases.submit(first);
        // The later application lacks its own UR decision too: after it is kept separate, it still waits for screening.
        String caseNumber = cases.submit(secondApplication(first));
        cases.screen(caseNumber, Map.of("screeningDecision", "KEEP_SEPARATE",
                "consolidationNote", "Another body part: two determinations."));
        assertThat(cases.screening(caseNumber).at("/decisions/0/reason").asText())
                .isEqualTo("Kept separate from case " + earlier + ": Another body part: two determinations.");
        Task again = cases.task(caseNumber, "ScreenApplicationTask");
        // The returning form starts empty: no earlier decision, note or candidate left in it.
        for (String field : new String[] {"screeningDecision", "consolidationNote", "consolidateInto",
            "consolidationCandidateShown"}) {
            assertThat(taskService.getVariables(again.getId())).doesNotContainKey(field);
        }

        cases.screen(earlier, Map.of("screeningDecision", "ELIGIBLE", "screeningReason", "The UR decision is on file."));

        cases.progress(earlier).isWaitingAt("WaitForRecordsTask");
        assertThat((String) taskService.getVariable(again.getId(), "ineligibilityReasonCodes")).doesNotContain("C1");
        assertThat(taskService.getVariables(again.getId())).doesNotContainKey("consolidateInto");
    }

    @Test
    void anEarlierCaseOfAnotherPhysicianOrOutsideTheWindowOrWithAReviewerIsNotOffered() {
        ObjectNode first = TestApplications.seedCase();
        String earlier = cases.submit(first);

        ObjectNode otherPhysician = secondApplication(first);
        ((ObjectNode) otherPhysician.get("requestingPhysician")).put("name", "Dr. Other Physician");
        String another = cases.submit(otherPhysician);
        // 40 days later, beyond imr.consolidation.window-days (30), under a UR decision of its own.
        ObjectNode later = secondApplication(first);
        later.put("urDecisionDate", "2014-08-06").put("urDecisionServedDate", "2014-08-09")
                .put("applicationSignedDate", "2014-08-18").put("applicationReceivedDate", "2014-08-23");
        TestApplications.item(later, 0).put("requestDate", "2014-07-30");
        String outside = cases.submit(later);

        for (String caseNumber : new String[] {another, outside}) {
            cases.progress(caseNumber).hasNotPassed("ScreenApplicationTask").isWaitingAt("WaitForRecordsTask");
        }

        // Past reviewer selection, the earlier case takes no more items.
        cases.recordsArrive(earlier);
        cases.recordsComplete(earlier);
        ObjectNode tooLate = secondApplication(first);
        TestApplications.item(tooLate, 0).put("requestedTreatment", CHIRO + ", second block");
        String afterSelection = cases.submit(tooLate);
        cases.progress(afterSelection).hasNotPassed("ScreenApplicationTask").isWaitingAt("WaitForRecordsTask");
    }

    @Test
    void joiningACaseClosedSinceItWasOfferedIsRefusedNamingTheFieldAndNothingMoves() {
        ObjectNode first = TestApplications.seedCase();
        String earlier = cases.submit(first);
        String caseNumber = cases.submit(secondApplication(first));
        cases.as("intake1").post().uri("/api/cases/{n}/withdrawal", earlier).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "EMPLOYEE_WITHDREW")).retrieve().toBodilessEntity();
        assertThat(cases.caseRecord(earlier).status()).isEqualTo("WITHDRAWN");
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        RestClient intake = cases.as("intake1");
        intake.post().uri("/engine-rest/task/{id}/claim", task.getId()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", "intake1")).retrieve().toBodilessEntity();

        JsonNode refusal = intake.post().uri("/engine-rest/task/{id}/complete", task.getId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("screeningDecision", Map.of("value", "CONSOLIDATE"),
                        "consolidateInto", Map.of("value", earlier))))
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(400);
                    return response.bodyTo(JsonNode.class);
                });

        assertThat(refusal.at("/errors/0/field").asText()).isEqualTo("consolidateInto");
        assertThat(refusal.at("/errors/0/label").asText()).isEqualTo("Earlier case to join");
        assertThat(refusal.get("message").asText()).contains("Earlier case to join must name an open case");
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("OPEN");
        assertThat(registry.items(cases.caseRecord(earlier).id())).hasSize(1);
        assertThat(cases.screening(caseNumber).get("decisions")).isEmpty();
    }

    /** The same employee, claim, physician and date of injury, three days later, for another treatment. */
    private static ObjectNode secondApplication(ObjectNode first) {
        ObjectNode second = first.deepCopy();
        second.put("applicationReceivedDate", "2014-07-17");
        ArrayNode items = second.putArray("disputedItems");
        items.addObject().put("requestedTreatment", CHIRO).put("treatmentCategory", "CHIRO").put("bodyRegion", "LUMBAR")
                .put("requestDate", "2014-06-20").put("priorUnits", 6).put("requestedUnits", 12)
                .put("functionalImprovement", true);
        return second;
    }

    private static DelegateExecution execution(String caseNumber, String into) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        when(execution.getVariable("consolidateInto")).thenReturn(into);
        return execution;
    }

    private JsonNode deadlines(String caseNumber) {
        return cases.as("supervisor1").get().uri("/api/cases/{n}/deadlines", caseNumber).retrieve().body(JsonNode.class);
    }

    private String timeline(String caseNumber) {
        return cases.as("supervisor1").get().uri("/api/cases/{n}/timeline", caseNumber).retrieve().body(String.class);
    }
}
