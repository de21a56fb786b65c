package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.openimr.letter.StoredLetter;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A WCAB order sets a determination aside (LC 4610.6(h)) and the case is reviewed again by a
 * reviewer who did not review it before (LC 4610.6(i)): the order through the API, the new review
 * through the case process, its letter and the earlier one it supersedes.
 *
 * <p>The cases dispute psychological treatment, which only psychiatry fits; reviewer6 is the demo
 * roster's only psychiatrist, so the first review is theirs.
 */
class RemandReviewTest extends CaseTest {

    @Autowired
    Assignments assignments;

    @Autowired
    LetterService letters;

    @Autowired
    CaseRegistry registry;

    TestReviewers reviewers;

    @BeforeEach
    void testRoster() {
        reviewers = new TestReviewers(context);
    }

    @AfterEach
    void retireTestReviewersAndResetTheClock() {
        reviewers.retire();
        ClockUtil.reset();
    }

    @Test
    void aRemandIsReviewedAgainByAnotherReviewerAndItsLetterSupersedesTheOneSetAside() {
        String caseNumber = firstReviewDone();
        Reviewer newPsychiatrist = reviewers.add(new Roster.Profile("Dr. Remand Reviewer", CaseClock.today().minusYears(12),
                30, 50, List.of(new Certification(Specialty.PSYCHIATRY, true)), List.of("CA")));
        // The order comes a week after the letter, and reaches the organization two days before it is recorded.
        ClockUtil.setCurrentTime(Date.from(CaseClock.now().plus(10, ChronoUnit.DAYS)));
        LocalDate received = CaseClock.today().minusDays(2);

        JsonNode remand = remand(caseNumber, order("WCAB ADJ1234567", received, 2));

        assertThat(remand.get("reviewNo").asInt()).isEqualTo(2);
        assertThat(remand.get("setAsideLetterVersion").asInt()).isEqualTo(1);
        cases.progress(caseNumber).hasPassed("RemandOrderedStartEvent", "OpenRemandReviewTask", "SetRemandDeadlineTask",
                "SelectReviewerTask").hasNotPassed("RegisterApplicationTask", "ScreenEligibilityTask")
                .isWaitingAt("WriteClinicalSummaryTask");
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo(newPsychiatrist.userId());
        JsonNode selection = supervisor().get().uri("/api/cases/{n}/reviewer", caseNumber).retrieve()
                .body(JsonNode.class).get("latestSelection");
        assertThat(selection.get("chosen").asText()).isEqualTo(newPsychiatrist.userId());
        assertThat(selection.get("candidates")).anySatisfy(candidate -> {
            assertThat(candidate.get("userId").asText()).isEqualTo("reviewer6");
            assertThat(candidate.get("outcome").asText()).isEqualTo("EXCLUDED");
            assertThat(candidate.get("reasons").asText()).contains("reviewed this case before (review 1)");
        });
        // The remand's deadline runs from the order's receipt: 30 days.
        assertThat(CaseClock.dateOf(((Date) cases.variable(caseNumber, "determinationDueAt")).toInstant()))
                .isEqualTo(received.plusDays(30));
        assertThat(cases.caseRecord(caseNumber).isOpen()).isTrue();

        cases.writeClinicalSummary(caseNumber);
        List<Task> decide = cases.tasks(caseNumber, "DecideItemTask");
        assertThat(decide).hasSize(1);
        assertThat(processEngine.getTaskService().getVariable(decide.get(0).getId(), "itemNo")).isEqualTo(2);
        // The first review's facts are the new review's starting point, with their sources, marked as the
        // earlier review's until the new reviewer confirms or changes them: no decision before that.
        JsonNode carried = http(newPsychiatrist.userId(), "demo").get().uri("/api/cases/{n}/items/2/facts", caseNumber)
                .retrieve().body(JsonNode.class);
        assertThat(carried.get("facts")).isNotEmpty().allSatisfy(fact -> {
            assertThat(fact.get("fromEarlierReview").asBoolean()).as(fact.toString()).isTrue();
            assertThat(fact.get("establishedInReview").asInt()).isEqualTo(1);
            assertThat(fact.get("status").asText()).isIn("ESTABLISHED", "NOT_DOCUMENTED");
        });
        assertThat(processEngine.getTaskService().getVariable(decide.get(0).getId(), "itemFacts").toString())
                .contains("as review 1 established it; confirm or change it");
        String firstFact = carried.at("/facts/0/fact/label").asText();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(decide.get(0).getId(),
                Map.of("decision", "UPHELD"))).hasMessageContaining(firstFact + " is as the earlier review established it");
        cases.establishFacts(caseNumber);
        assertThat(http(newPsychiatrist.userId(), "demo").get().uri("/api/cases/{n}/items/2/facts", caseNumber)
                .retrieve().body(JsonNode.class).get("facts"))
                .allSatisfy(fact -> assertThat(fact.get("fromEarlierReview").asBoolean()).isFalse());
        processEngine.getTaskService().complete(decide.get(0).getId(), Map.of("decision", "OVERTURNED",
                "ownCitation", "ACOEM Practice Guidelines, Chapter 15, page 398",
                "ownRationale", "The new reviewer found the documented symptoms warrant the sessions."));
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        cases.progress(caseNumber).isEnded();
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("DETERMINATION_ISSUED");
        List<StoredLetter> determinations = letters.letters(record).stream()
                .filter(l -> l.kind().equals(LetterKind.FINAL_DETERMINATION.name())).toList();
        assertThat(determinations).extracting(StoredLetter::version, StoredLetter::status)
                .contains(tuple(1, "SUPERSEDED"), tuple(determinations.get(determinations.size() - 1).version(), "ISSUED"));
        StoredLetter first = determinations.get(0);
        StoredLetter after = letters.issued(record, LetterKind.FINAL_DETERMINATION).orElseThrow();
        assertThat(letters.supersededBy(first)).contains(after.version());
        String text = CaseDriver.flat(letters.text(after));
        assertThat(text).contains("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION AFTER REMAND",
                "DETERMINATION AFTER REMAND", "the Workers' Compensation Appeals Board", "WCAB ADJ1234567",
                "Cognitive behavioral therapy").doesNotContain("Psychological evaluation");
        assertThat(CaseDriver.flat(letters.text(first))).doesNotContain("AFTER REMAND");
        // Item 1 keeps the first review's decision; item 2 has the new one.
        List<StoredItem> items = registry.items(record.id());
        assertThat(items).extracting(StoredItem::decision).containsExactly("UPHELD", "OVERTURNED");

        JsonNode history = supervisor().get().uri("/api/cases/{n}/remands", caseNumber).retrieve().body(JsonNode.class);
        assertThat(history.get("currentReview").asInt()).isEqualTo(2);
        assertThat(history.get("determinations")).hasSize(2);
        assertThat(history.at("/determinations/0/setAside").asBoolean()).isTrue();
        assertThat(history.at("/determinations/0/items").toString()).isEqualTo("[1,2]");
        assertThat(history.at("/determinations/1/reviewNo").asInt()).isEqualTo(2);
        assertThat(history.at("/determinations/1/items").toString()).isEqualTo("[2]");
        assertThat(history.at("/determinations/1/setAside").asBoolean()).isFalse();
        assertThat(assignments.history(record.id())).extracting(a -> a.reviewerUserId() + "@" + a.reviewNo())
                .containsExactly("reviewer6@1", newPsychiatrist.userId() + "@2");
    }

    @Test
    void withOnlyTheEarlierReviewerLeftTheSupervisorAssignsAnotherAndTheEarlierOneIsRefusedWithTheReason() {
        String caseNumber = firstReviewDone();

        remand(caseNumber, order("WCAB ADJ7654321", CaseClock.today(), 1, 2));

        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");
        assertThat((String) cases.variable(caseNumber, "reviewerSelectionReport"))
                .contains("No reviewer was chosen", "(reviewer6): reviewed this case before (review 1)");
        assertThatThrownBy(() -> assignByHand(caseNumber, "reviewer6")).hasMessageContaining(
                "Reviewer reviewer6 cannot review case " + caseNumber + ": reviewed this case before (review 1)");
        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");

        assignByHand(caseNumber, "reviewer5");

        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo("reviewer5");
        cases.writeClinicalSummary(caseNumber);
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).hasSize(2);
    }

    @Test
    void theSameOrderRecordedTwiceIsOneRemandAndAnOpenOrUnknownCaseHasNothingToSetAside() {
        String caseNumber = firstReviewDone();
        Map<String, Object> order = order("DWC IMR-2026-0042", CaseClock.today(), 2);
        order.put("issuedBy", "DIVISION");

        JsonNode first = remand(caseNumber, order);
        int again = supervisor().post().uri("/api/cases/{n}/remands", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(order).exchange((request, response) -> response.getStatusCode().value());

        assertThat(again).isEqualTo(200);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).count()).isEqualTo(2);
        assertThat(first.get("issuedBy").asText()).isEqualTo("DIVISION");
        // The case is under review again: a second, different order has nothing issued to set aside.
        JsonNode refused = post(supervisor(), caseNumber, order("WCAB ADJ0000001", CaseClock.today(), 1));
        assertThat(refused.get("status").asInt()).isEqualTo(409);
        assertThat(refused.get("detail").asText()).contains("its review is under way");
        assertThat(post(supervisor(), "CM99-0000000", order("X", CaseClock.today(), 1)).get("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void anOrderWithBadFieldsIsRefusedNamingEachAndOnlySupervisorsRecordOne() {
        String caseNumber = firstReviewDone();
        JsonNode bad = post(supervisor(), caseNumber, Map.of("issuedBy", "COURT", "orderDate", "2026-13-01",
                "receivedDate", CaseClock.today().plusDays(3).toString(), "items", List.of(0, 2, 2), "extra", 1));
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        assertThat(bad.get("errors").findValuesAsText("field")).contains("issuedBy", "orderReference", "orderDate",
                "receivedDate", "items[0]", "items[2]", "extra");
        JsonNode unknownItem = post(supervisor(), caseNumber, order("WCAB ADJ1", CaseClock.today(), 3));
        assertThat(unknownItem.get("status").asInt()).isEqualTo(400);
        assertThat(unknownItem.get("errors").findValuesAsText("field")).containsExactly("items[0]");

        int byIntake = http("intake1", "demo").post().uri("/api/cases/{n}/remands", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(order("WCAB ADJ2", CaseClock.today(), 1))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(byIntake).isEqualTo(403);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
    }

    /** A two-item psychological case decided Upheld by reviewer6, its letter issued. */
    private String firstReviewDone() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("claimsAdministrator")).put("name", "Claims Services " + UUID.randomUUID());
        ArrayNode items = (ArrayNode) application.get("disputedItems");
        items.removeAll();
        items.addObject().put("requestedTreatment", "Psychological evaluation").put("treatmentCategory", "PSYCH_EVAL")
                .put("requestDate", "2014-06-20");
        items.addObject().put("requestedTreatment", "Cognitive behavioral therapy, 6 sessions")
                .put("treatmentCategory", "PSYCHOTHERAPY").put("requestDate", "2014-06-20");
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo("reviewer6");
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        cases.progress(caseNumber).isEnded();
        return caseNumber;
    }

    private static Map<String, Object> order(String reference, LocalDate received, Integer... items) {
        return new HashMap<>(Map.of("issuedBy", "WCAB", "orderReference", reference,
                "orderDate", received.toString(), "receivedDate", received.toString(),
                "ground", "PLAINLY_ERRONEOUS_FACT", "items", List.of(items)));
    }

    private JsonNode remand(String caseNumber, Map<String, Object> order) {
        return supervisor().post().uri("/api/cases/{n}/remands", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(order).exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).as("remand answer").isEqualTo(201);
                    return response.bodyTo(JsonNode.class);
                });
    }

    private static JsonNode post(RestClient client, String caseNumber, Map<String, Object> body) {
        return client.post().uri("/api/cases/{n}/remands", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> response.bodyTo(JsonNode.class));
    }

    private void assignByHand(String caseNumber, String userId) {
        Task task = cases.task(caseNumber, "AssignReviewerManuallyTask");
        processEngine.getTaskService().claim(task.getId(), "supervisor1");
        try {
            cases.complete(caseNumber, "AssignReviewerManuallyTask",
                    Map.of("retrySelection", false, "manualReviewerUserId", userId));
        } catch (RuntimeException refused) {
            processEngine.getTaskService().setAssignee(task.getId(), null);
            throw refused;
        }
    }

    private RestClient supervisor() {
        return http("supervisor1", "demo");
    }
}
