package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.openimr.letter.StoredLetter;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A case's reviewer through the process and the HTTP APIs: the seed case's reviewer and letter,
 * who may see and work the reviewer tasks, reassignment by a supervisor, and the supervisor's task
 * when selection finds no one.
 */
class ReviewerAssignmentTest extends CaseTest {

    /** Demo reviewers who qualify for the seed case's massage item (occupational medicine, PM&R). */
    private static final List<String> MASSAGE_REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer7", "reviewer8");

    @Autowired
    Roster roster;

    @Autowired
    Assignments assignments;

    @Autowired
    LetterService letters;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    AuthorizationService authorizationService;

    TestReviewers reviewers;

    @BeforeEach
    void testRoster() {
        reviewers = new TestReviewers(context);
    }

    @AfterEach
    void retireTestReviewers() {
        reviewers.retire();
    }

    @Test
    void theSeedCaseGetsAQualifiedReviewerWithNoTieAndTheLetterStatesTheQualificationsWithoutTheName() {
        String caseNumber = caseAtClinicalSummary(TestApplications.seedCase());
        String userId = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        Reviewer reviewer = roster.byUserId(userId).orElseThrow();
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(reviewer.boardCertifiedIn(Specialty.OCCUPATIONAL_MEDICINE)
                || reviewer.boardCertifiedIn(Specialty.PHYSICAL_MEDICINE_REHABILITATION)).isTrue();
        assertThat(SelectionRules.conflicts(reviewer, context.getBean(CaseReviewers.class).parties(record))).isEmpty();

        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");

        StoredLetter letter = letters.latest(record, LetterKind.FINAL_DETERMINATION).orElseThrow();
        String text = CaseDriver.flat(letters.text(letter));
        List<String> certifications = new java.util.ArrayList<>(reviewer.specialties().stream()
                .filter(Reviewer.Certification::boardCertified).map(c -> c.specialty().title()).toList());
        // The specialty of the review comes first.
        certifications.remove(assignedSpecialty(record));
        certifications.add(0, assignedSpecialty(record));
        // As the seed letter does: the qualifications in words, the years and hours as the thresholds met.
        assertThat(text).contains("The expert reviewer is Board Certified in " + String.join(" and ", certifications)
                        + " and is licensed to practice in California.",
                "He/she has been in active clinical practice for more than five years and is currently working at least"
                        + " 24 hours a week in active practice.",
                "State(s) of Licensure: CA Certification(s)/Specialty: " + String.join(", ", certifications));
        assertThat(reviewer.yearsInPractice(CaseClock.today())).isGreaterThan(5);
        assertThat(reviewer.activePracticeHours()).isGreaterThanOrEqualTo(24);
        assertThat(text).doesNotContain(reviewer.displayName(), reviewer.displayName().replace("Dr. ", ""), userId);
    }

    @Test
    void onlyTheAssignedReviewerSeesAndWorksTheCaseReviewerTasks() {
        String caseNumber = caseAtClinicalSummary(TestApplications.seedCase());
        Task task = cases.task(caseNumber, "WriteClinicalSummaryTask");
        String assigned = task.getAssignee();
        String other = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(assigned)).findFirst().orElseThrow();

        assertNoAccess(other, caseNumber, task.getId());

        assertThat(tasksSeenBy(assigned, caseNumber)).hasSize(1);
        assertThat(status(reviewer(assigned).get().uri("/engine-rest/task/{id}", task.getId()))).isEqualTo(200);
        assertThat(status(reviewer(assigned).post().uri("/engine-rest/task/{id}/claim", task.getId())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", assigned)))).isEqualTo(204);
        assertThat(submitSummary(assigned, task.getId())).isEqualTo(204);
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).singleElement()
                .satisfies(decide -> assertThat(decide.getAssignee()).isEqualTo(assigned));
    }

    @Test
    void aSupervisorReassignsTheCaseAndThePreviousReviewerKeepsNoAccess() {
        String caseNumber = caseAtClinicalSummary(TestApplications.seedCase());
        Task task = cases.task(caseNumber, "WriteClinicalSummaryTask");
        String previous = task.getAssignee();
        String next = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(previous)).findFirst().orElseThrow();
        int previousOpen = openCases(previous);
        int nextOpen = openCases(next);
        // Camunda granted the assignee access to the task, and would not take it back by itself.
        assertThat(grantsOn(task.getId(), previous)).isNotEmpty();

        JsonNode answer = supervisor().post().uri("/api/cases/{n}/reviewer", caseNumber)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", next, "reason", "The reviewer is ill for two weeks"))
                .retrieve().body(JsonNode.class);

        assertThat(answer.at("/current/userId").asText()).isEqualTo(next);
        assertThat(answer.at("/current/reason").asText()).isEqualTo("Reassigned from " + previous
                + ": The reviewer is ill for two weeks");
        assertThat(answer.get("history")).hasSize(2);
        assertThat(answer.at("/history/0/userId").asText()).isEqualTo(previous);
        assertThat(answer.at("/history/0/releaseReason").asText())
                .isEqualTo("Reassigned by supervisor1: The reviewer is ill for two weeks");
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo(next);
        assertThat(runtimeService.getVariable(cases.processInstanceId(caseNumber), "reviewerUserId")).isEqualTo(next);
        assertThat(openCases(previous)).isEqualTo(previousOpen - 1);
        assertThat(openCases(next)).isEqualTo(nextOpen + 1);
        assertThat(grantsOn(task.getId(), previous)).isEmpty();

        assertNoAccess(previous, caseNumber, task.getId());
        assertThat(tasksSeenBy(next, caseNumber)).hasSize(1);
        assertThat(submitSummary(next, task.getId())).isEqualTo(204);
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).singleElement()
                .satisfies(decide -> assertThat(decide.getAssignee()).isEqualTo(next));
        assertThat(tasksSeenBy(previous, caseNumber)).isEmpty();
    }

    @Test
    void reassignmentIsRefusedWithTheReasonWhenItCannotBeMade() {
        ObjectNode application = TestApplications.seedCase();
        String employer = "Employer " + UUID.randomUUID();
        ((ObjectNode) application.get("employer")).put("name", employer);
        String caseNumber = caseAtClinicalSummary(application);
        String current = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        String tied = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(current)).findFirst().orElseThrow();
        roster.declareAffiliation(roster.byUserId(tied).orElseThrow().id(), Reviewer.PartyType.EMPLOYER, employer,
                "Medical director", "test");

        assertThat(reassign(http("intake1", "demo"), caseNumber, Map.of("userId", tied, "reason", "x"))).isEqualTo(403);
        assertThat(reassign(http(current, "demo"), caseNumber, Map.of("userId", tied, "reason", "x"))).isEqualTo(403);
        JsonNode bad = supervisor().post().uri("/api/cases/{n}/reviewer", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("user", tied))
                .exchange((request, response) -> response.bodyTo(JsonNode.class));
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("userId", "reason", "user");
        assertThat(reassign(supervisor(), "CM14-9999999", Map.of("userId", tied, "reason", "x"))).isEqualTo(404);
        assertThat(reassign(supervisor(), caseNumber, Map.of("userId", "nobody", "reason", "x"))).isEqualTo(400);
        assertThat(reassign(supervisor(), caseNumber, Map.of("userId", current, "reason", "x"))).isEqualTo(409);

        JsonNode conflicted = supervisor().post().uri("/api/cases/{n}/reviewer", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", tied, "reason", "Conflict found late"))
                .exchange((request, response) -> response.bodyTo(JsonNode.class));
        assertThat(conflicted.get("status").asInt()).isEqualTo(409);
        assertThat(conflicted.get("detail").asText()).contains("affiliated with the employer");
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo(current);
        assertThat(assignments.history(cases.caseRecord(caseNumber).id())).hasSize(1);

        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        String free = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(current) && !r.equals(tied)).findFirst()
                .orElseThrow();
        assertThat(reassign(supervisor(), caseNumber, Map.of("userId", free, "reason", "x"))).isEqualTo(409);
    }

    @Test
    void withNoQualifiedReviewerTheSupervisorSeesWhyAndAssignsOneWithoutAConflict() {
        String caseNumber = psychCaseWithItsOnlyPsychiatristTied();
        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");
        String report = (String) cases.variable(caseNumber, "reviewerSelectionReport");
        assertThat(report).contains("Fitting specialties: Psychiatry", "No reviewer was chosen",
                "(reviewer6): affiliated with the claims administrator", "other reviewers practise no fitting specialty")
                .doesNotContain("(reviewer1)");
        JsonNode view = supervisor().get().uri("/api/cases/{n}/reviewer", caseNumber).retrieve().body(JsonNode.class);
        assertThat(view.get("current").isNull()).isTrue();
        assertThat(view.at("/latestSelection/chosen").isNull()).isTrue();
        // The case's reviewer page gives every reviewer's reasons, also those the task form only counts.
        assertThat(view.at("/latestSelection/candidates")).anySatisfy(candidate -> {
            assertThat(candidate.get("userId").asText()).isEqualTo("reviewer1");
            assertThat(candidate.get("outcome").asText()).isEqualTo("EXCLUDED");
            assertThat(candidate.get("reasons").asText()).isEqualTo("not board certified in a fitting specialty");
        });

        assertThatThrownBy(() -> assignByHand(caseNumber, "reviewer6"))
                .hasMessageContaining("Reviewer reviewer6 cannot review case " + caseNumber
                        + ": affiliated with the claims administrator");
        assertThatThrownBy(() -> assignByHand(caseNumber, "reviewer10"))
                .hasMessageContaining("not more than 5 years in clinical practice");
        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");

        int before = openCases("reviewer5");
        assignByHand(caseNumber, "reviewer5");

        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo("reviewer5");
        assertThat(openCases("reviewer5")).isEqualTo(before + 1);
        assertThat(assignments.current(cases.caseRecord(caseNumber).id())).hasValueSatisfying(assignment -> {
            assertThat(assignment.assignedBy()).isEqualTo("supervisor1");
            assertThat(assignment.note()).isEqualTo("Set aside by the supervisor: not board certified in a fitting specialty");
        });
    }

    @Test
    void theSupervisorCanWaitForTheRosterToChangeAndRunSelectionAgain() {
        String caseNumber = psychCaseWithItsOnlyPsychiatristTied();
        String userId = reviewers.user("psychiatrist");
        supervisor().post().uri("/api/reviewers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", userId, "displayName", "Dr. New Psychiatrist",
                        "clinicalPracticeSince", "2008-09-01", "hoursPerWeek", 30, "capacity", 5,
                        "specialties", List.of(Map.of("specialty", "PSYCHIATRY", "boardCertified", true)),
                        "licenceStates", List.of("CA")))
                .retrieve().toBodilessEntity();
        reviewers.track(userId);

        cases.complete(caseNumber, "AssignReviewerManuallyTask", Map.of("retrySelection", true));

        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo(userId);
        // The failed selection's report is gone from the case; the reviewer page has the one that chose.
        assertThat(runtimeService.getVariables(cases.processInstanceId(caseNumber))).doesNotContainKey("reviewerSelectionReport");
        JsonNode view = supervisor().get().uri("/api/cases/{n}/reviewer", caseNumber).retrieve().body(JsonNode.class);
        assertThat(view.at("/latestSelection/chosen").asText()).isEqualTo(userId);
    }

    /** A psychological evaluation, which only psychiatry fits, with reviewer6 (the demo psychiatrist) tied to the claims administrator. */
    private String psychCaseWithItsOnlyPsychiatristTied() {
        ObjectNode application = TestApplications.seedCase();
        String claimsAdministrator = "Claims Services " + UUID.randomUUID();
        ((ObjectNode) application.get("claimsAdministrator")).put("name", claimsAdministrator);
        ObjectNode item = TestApplications.item(application, 0);
        item.removeAll();
        item.put("requestedTreatment", "Psychological evaluation").put("treatmentCategory", "PSYCH_EVAL")
                .put("requestDate", "2014-06-20");
        JsonNode declared = supervisor().post().uri("/api/reviewers/reviewer6/affiliations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("partyType", "CLAIMS_ADMINISTRATOR", "partyName", claimsAdministrator,
                        "note", "Reviews files for them"))
                .retrieve().body(JsonNode.class);
        assertThat(declared.get("conflictingOpenCases")).isEmpty();
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        return caseNumber;
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

    private void assertNoAccess(String userId, String caseNumber, String taskId) {
        RestClient client = reviewer(userId);
        assertThat(tasksSeenBy(userId, caseNumber)).isEmpty();
        assertThat(status(client.get().uri("/engine-rest/task/{id}", taskId))).isEqualTo(404);
        assertThat(status(client.get().uri("/engine-rest/task/{id}/form-variables", taskId))).isEqualTo(403);
        assertThat(status(client.post().uri("/engine-rest/task/{id}/claim", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", userId)))).isEqualTo(403);
        assertThat(status(client.post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()))).isEqualTo(403);
        assertThat(submitSummary(userId, taskId)).isEqualTo(403);
    }

    private JsonNode tasksSeenBy(String userId, String caseNumber) {
        return reviewer(userId).get().uri("/engine-rest/task?processInstanceBusinessKey={n}", caseNumber)
                .retrieve().body(JsonNode.class);
    }

    private int submitSummary(String userId, String taskId) {
        return status(reviewer(userId).post().uri("/engine-rest/task/{id}/submit-form", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("pagesReviewed", Map.of("value", 54),
                        "clinicalSummary", Map.of("value", "The claimant was described as a 44-year-old man.")))));
    }

    private int reassign(RestClient client, String caseNumber, Map<String, Object> body) {
        return status(client.post().uri("/api/cases/{n}/reviewer", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(body));
    }

    private List<?> grantsOn(String taskId, String userId) {
        return authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK)
                .resourceId(taskId).list();
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }

    private String caseAtClinicalSummary(ObjectNode application) {
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        return caseNumber;
    }

    private String assignedSpecialty(CaseRecord record) {
        return Specialty.valueOf(assignments.current(record.id()).orElseThrow().specialty()).title();
    }

    private int openCases(String userId) {
        return roster.byUserId(userId).orElseThrow().openCases();
    }

    private RestClient supervisor() {
        return http("supervisor1", "demo");
    }

    private RestClient reviewer(String userId) {
        return http(userId, "demo");
    }
}
