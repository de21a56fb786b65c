package org.openimr.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The case page's timeline read as staff read it (GET /api/cases/{n}/timeline): which entries, in
 * which order, who did each and when in California time, after a reassignment, a returned letter,
 * a withdrawal and a screening that found the case ineligible; each fact once, no code where staff
 * read words, and why a closed case closed as the case page says it. The clock moves a minute before each step, so that each step has its own time.
 */
class CaseTimelineTest extends CaseTest {

    private static final List<String> MASSAGE_REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer7", "reviewer8");

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    Instant clock;

    @BeforeEach
    void ownClock() {
        clock = CaseClock.now().truncatedTo(ChronoUnit.MINUTES);
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    @Autowired
    Withdrawals withdrawals;

    /** The cases this test registered, withdrawn after it if still open: their reviewers' loads are as before. */
    final List<String> registered = new ArrayList<>();

    @AfterEach
    void realClockAndNoCaseLeftOpen() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        registered.stream().filter(caseNumber -> cases.caseRecord(caseNumber).isOpen()).forEach(caseNumber ->
                withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null)));
    }

    @Test
    void aReassignmentShowsTheReviewerReleasedTheNewOneAssignedAndWhoDidTheWork() {
        String caseNumber = caseAtClinicalSummary();
        Task summary = cases.task(caseNumber, "WriteClinicalSummaryTask");
        String previous = summary.getAssignee();
        String next = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(previous)).findFirst().orElseThrow();

        Instant reassignedAt = step();
        http("supervisor1", "demo").post().uri("/api/cases/{n}/reviewer", caseNumber)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", next, "reason", "The reviewer is ill for two weeks")).retrieve().toBodilessEntity();
        Instant summarizedAt = step();
        completeAs(next, cases.task(caseNumber, "WriteClinicalSummaryTask"), Map.of("pagesReviewed", 54,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012."));

        List<String> read = lines(timeline("supervisor1", caseNumber));
        assertInOrder(read,
                "Application registered | intake1",
                "Notice of assignment, version 1 written",
                "Task completed: Check records completeness | intake1",
                "Reviewer assigned: " + previous,
                "Reviewer released: " + previous + " || Reassigned by supervisor1: The reviewer is ill for two weeks",
                "Reviewer assigned: " + next + " | supervisor1",
                "Task reassigned: Write clinical summary | supervisor1 | From " + previous + " to " + next,
                "Task completed: Write clinical summary | " + next);
        assertThat(entry(timeline("supervisor1", caseNumber), "Task reassigned: Write clinical summary").get("at").asText())
                .as("when the supervisor reassigned it").isEqualTo(reassignedAt.toString());
        assertInWords(read);
        JsonNode completed = entry(timeline("supervisor1", caseNumber), "Task completed: Write clinical summary");
        assertThat(completed.get("at").asText()).isEqualTo(summarizedAt.toString());
        assertThat(completed.get("when").asText()).isEqualTo(TimelineEntry.CALIFORNIA_TIME.format(summarizedAt))
                .matches(".* (PST|PDT)");
        assertThat(entry(timeline("supervisor1", caseNumber), "Reviewer assigned: " + next).get("at").asText())
                .isEqualTo(reassignedAt.toString());

        // The specialty as the reviewer registry names it ("Physical Medicine and Rehabilitation"), not lower-cased.
        String specialty = http("supervisor1", "demo").get().uri("/api/cases/{n}/reviewer", caseNumber).retrieve()
                .body(JsonNode.class).at("/current/specialty").asText();
        String title = null;
        for (JsonNode held : http("supervisor1", "demo").get().uri("/api/reviewers/{u}", next).retrieve()
                .body(JsonNode.class).get("specialties")) {
            if (held.get("specialty").asText().equals(specialty)) {
                title = held.get("title").asText();
            }
        }
        assertThat(title).as("the registry's name of %s", specialty).isNotBlank();
        assertThat(read).contains("Reviewer assigned: " + next + " | supervisor1 | Specialty: " + title
                + ". Reassigned from " + previous + ": The reviewer is ill for two weeks");
        assertThat(String.join("\n", read)).doesNotContain(title.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aReturnedLetterShowsBothVersionsTheQaNoteAndWhoReturnedCorrectedAndApproved() {
        String caseNumber = caseAtClinicalSummary();
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        step();
        completeAs(reviewer, cases.task(caseNumber, "WriteClinicalSummaryTask"), Map.of("pagesReviewed", 54,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012."));
        cases.establishFacts(caseNumber);
        for (Task decide : cases.tasks(caseNumber, "DecideItemTask")) {
            step();
            String recommended = (String) taskService.getVariable(decide.getId(), "recommendedOutcome");
            completeAs(reviewer, decide, Map.of("decision",
                    "MEDICALLY_NECESSARY".equals(recommended) ? "OVERTURNED" : "UPHELD"));
        }
        String note = "The summary should state the date of the visit note";
        step();
        completeAs("supervisor1", cases.task(caseNumber, "ReviewLetterTask"),
                Map.of("letterApproved", "false", "qaNote", note));
        step();
        completeAs(reviewer, cases.task(caseNumber, "CorrectLetterTask"), Map.of("pagesReviewed", 54,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012, seen 2014-06-12."));
        step();
        completeAs("supervisor1", cases.task(caseNumber, "ReviewLetterTask"), Map.of("letterApproved", true));
        Instant issuedAt = step();
        cases.runJobs(caseNumber);

        JsonNode timeline = timeline("supervisor1", caseNumber);
        assertInOrder(lines(timeline),
                "Task completed: Write clinical summary | " + reviewer,
                "Task completed: Decide disputed item 1 of 1: Additional Massage Therapy Visits for the cervical spine as… | "
                        + reviewer,
                "Final determination letter, version 1 written | " + reviewer + " | Now returned. QA note: " + note,
                "Task completed: Review letter | supervisor1",
                "Task completed: Correct letter | " + reviewer,
                "Final determination letter, version 2 written | " + reviewer + " | Now issued",
                "Task completed: Review letter | supervisor1",
                "Final determination letter, version 2 issued",
                "Final determination issued: upheld",
                "Case closed: determination issued");
        assertThat(lines(timeline)).filteredOn(line -> line.startsWith("Final determination letter, version 1 issued"))
                .as("the returned version never went out").isEmpty();
        assertThat(lines(timeline)).as("one entry a fact").filteredOn(line -> line.startsWith("Final determination issued"))
                .hasSize(1);
        assertThat(lines(timeline)).as("the letter's issue is said by the letter's entry").doesNotContain("Letter issued");
        assertThat(lines(timeline)).contains("Reviewer released: " + reviewer + " || Case closed: determination issued");
        assertInWords(lines(timeline));
        assertThat(entry(timeline, "Final determination letter, version 2 issued").get("at").asText())
                .isEqualTo(issuedAt.toString());

        JsonNode overview = http("supervisor1", "demo").get().uri("/api/cases/{n}/overview", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(overview.at("/disputedItems/0/recommendation/ruleIds/0").asText()).isNotBlank();
        assertThat(overview.at("/disputedItems/0/decision/decision").asText()).isEqualTo("UPHELD");
        assertThat(overview.at("/disputedItems/0/decision/decidedBy").asText()).isEqualTo(reviewer);
        assertThat(overview.at("/closing/sentence").asText()).as("why it closed, as the case page says it")
                .isEqualTo("Final determination issued: upheld, the disputed treatment was found not medically necessary.");
        assertThat(lines(timeline)).contains("Case closed: determination issued || Final determination issued: upheld, "
                + "the disputed treatment was found not medically necessary.");
        assertThat(overview.get("letters")).extracting(letter -> letter.get("name").asText() + " v"
                        + letter.get("version").asInt() + " " + letter.get("status").asText() + " "
                        + letter.path("reviewNote").asText(""))
                .containsExactly("Notice of assignment v1 ISSUED ", "Final determination letter v1 RETURNED " + note,
                        "Final determination letter v2 ISSUED ");
    }

    @Test
    void aWithdrawalShowsTheMessageTheCancelledTaskAndTheClosing() {
        String caseNumber = caseAtClinicalSummary();
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        Instant withdrawnAt = step();
        http("intake1", "demo").post().uri("/api/cases/{n}/withdrawal", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "EMPLOYEE_WITHDREW", "note", "Telephone call of the employee"))
                .retrieve().toBodilessEntity();

        JsonNode timeline = timeline("supervisor1", caseNumber);
        assertInOrder(lines(timeline),
                "Reviewer assigned: " + reviewer,
                "Withdrawal or authorization received",
                "Task cancelled: Write clinical summary");
        String why = "Withdrawn by the employee: the review ended without a determination. "
                + "Note recorded with it: Telephone call of the employee";
        assertThat(lines(timeline)).contains("Case closed: withdrawn || " + why,
                "Reviewer released: " + reviewer + " || Case closed: withdrawn");
        assertThat(overview("supervisor1", caseNumber).at("/closing/sentence").asText()).as("the case page's reason")
                .isEqualTo(why);
        assertThat(lines(timeline)).noneMatch(line -> line.startsWith("Task open"))
                .as("the closing says it once").noneMatch(line -> line.startsWith("Case withdrawn"));
        assertThat(entry(timeline, "Case closed: withdrawn").get("at").asText()).isEqualTo(withdrawnAt.toString());
        assertThat(lines(timeline).get(lines(timeline).size() - 1)).as("the last entry")
                .matches("(Case closed: withdrawn|Reviewer released).*");
        assertInWords(lines(timeline));

        // Closed, the case is no longer intake's; a supervisor still reads it.
        assertThat(status(http("intake1", "demo"), "/api/cases/" + caseNumber + "/timeline")).isEqualTo(403);
    }

    @Test
    void anIneligibleCaseSaysItsFindingsByTheEligibilityTablesOwnWords() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        registered.add(caseNumber);
        step();
        cases.confirmFindings(caseNumber);

        List<String> read = lines(timeline("supervisor1", caseNumber));
        assertInOrder(read,
                "Application registered | intake1 | Received Jul 14, 2014, filed electronically",
                "Screening: findings confirmed, not eligible",
                "Ineligibility notice, version 1 written",
                "Case closed: ineligible || Not eligible for independent medical review: UR decision not attached (E3).");
        assertThat(overview("supervisor1", caseNumber).at("/closing/sentence").asText()).as("the case page's reason")
                .isEqualTo("Not eligible for independent medical review: UR decision not attached (E3).");
        assertThat(read).anyMatch(line -> line.startsWith("Screening: findings confirmed, not eligible")
                && line.contains("Findings: UR decision not attached (E3)"));
        assertThat(read).as("one entry a fact").noneMatch(line -> line.startsWith("Case closed as ineligible"));
        assertInWords(read);
    }

    @Test
    void theCasePagesAndTheSlaDashboardReadTheWordsForCodesFromTheServer() throws Exception {
        JsonNode labels = http("intake1", "demo").get().uri("/api/case-labels").retrieve().body(JsonNode.class);
        assertThat(labels.at("/stages/RECORDS_CHECK").asText()).isEqualTo("Records check");
        assertThat(labels.at("/slaStatuses/AT_RISK").asText()).isEqualTo("At risk");
        assertThat(labels.at("/statuses/DETERMINATION_ISSUED").asText()).isEqualTo("Closed: determination issued");
        assertThat(labels.at("/deadlines/RECORDS").asText()).isEqualTo("Records (claims administrator)");
        assertThat(labels.at("/specialties/PHYSICAL_MEDICINE_REHABILITATION").asText())
                .isEqualTo("Physical Medicine and Rehabilitation");
        assertThat(labels.at("/treatmentCategories/CHIRO").asText()).isEqualTo("Chiropractic / manipulation");
        assertThat(labels.get("stages").fieldNames()).toIterable().as("in the order a case passes them")
                .startsWith("RECEIVED", "SCREENING").containsSubsequence("AWAITING_RECORDS", "RECORDS_CHECK", "LETTER_QA");
        JsonNode summary = http("supervisor1", "demo").get().uri("/api/sla/summary").retrieve().body(JsonNode.class);
        assertThat(summary.get("labels")).as("Cockpit's SLA dashboard reads the same words").isEqualTo(labels);
        for (String script : List.of("/static/case-page-common.js",
                "/META-INF/resources/webjars/camunda/app/cockpit/imr-sla/plugin.js")) {
            try (var in = getClass().getResourceAsStream(script)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("%s writes no label of its own", script).doesNotContain("Records check", "On track");
            }
        }
    }

    @Test
    void onlyThePeopleOnTheCaseReadItsPage() {
        String caseNumber = caseAtClinicalSummary();
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        String other = MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(reviewer)).findFirst().orElseThrow();

        for (String path : List.of("/timeline", "/overview")) {
            assertThat(status(http(reviewer, "demo"), "/api/cases/" + caseNumber + path)).isEqualTo(200);
            assertThat(status(http("intake1", "demo"), "/api/cases/" + caseNumber + path)).isEqualTo(200);
            assertThat(status(http(other, "demo"), "/api/cases/" + caseNumber + path)).isEqualTo(403);
            assertThat(status(http("analyst1", "demo"), "/api/cases/" + caseNumber + path)).isEqualTo(403);
            assertThat(status(http("intake1", "demo"), "/api/cases/CM99-9999999" + path))
                    .as("an unknown case answers as a case not one's own").isEqualTo(403);
        }
        assertThat(status(http("supervisor1", "demo"), "/api/cases/CM99-9999999/timeline")).isEqualTo(404);

        JsonNode overview = http(reviewer, "demo").get().uri("/api/cases/{n}/overview", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(overview.at("/parties/employee/name").asText()).isNotBlank();
        assertThat(overview.at("/deadlines/timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(overview.at("/deadlines/dueAt/california").asText()).matches(".* (PST|PDT)");
        assertThat(overview.at("/reviewer").asText()).isEqualTo(reviewer);
        assertThat(overview.at("/disputedItems/0/requestedTreatment").asText()).startsWith("Additional Massage Therapy");
        assertThat(overview.at("/documents/count").asInt()).isEqualTo(2);
        assertThat(overview.at("/documents/caseFile").asText()).isEqualTo("/case-file.html?case=" + caseNumber);
        assertThat(overview.at("/documents/pages").asInt()).isEqualTo(54);
        assertThat(overview.at("/documents/list/0/title").asText()).isEqualTo("Primary treating physician's progress report (PR-2)");
        assertThat(overview.at("/documents/list/0/viewer").isMissingNode()).as("described only: nothing to open").isTrue();
        assertThat(overview.at("/letters/0/name").asText()).isEqualTo("Notice of assignment");
    }

    // ------------------------------------------------------------------ helpers

    private String caseAtClinicalSummary() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        registered.add(caseNumber);
        step();
        cases.recordsArrive(caseNumber);
        step();
        Task check = cases.task(caseNumber, "CheckRecordsCompletenessTask");
        completeAs("intake1", check, Map.of("recordsComplete", true));
        return caseNumber;
    }

    /** The clock a minute on: the next step happens then. */
    private Instant step() {
        clock = clock.plus(1, ChronoUnit.MINUTES);
        ClockUtil.setCurrentTime(Date.from(clock));
        return clock;
    }

    /** As in Tasklist: the logged-in user, with their groups, completes the task. */
    private void completeAs(String user, Task task, Map<String, Object> answers) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), answers);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private JsonNode overview(String user, String caseNumber) {
        return http(user, "demo").get().uri("/api/cases/{n}/overview", caseNumber).retrieve().body(JsonNode.class);
    }

    private JsonNode timeline(String user, String caseNumber) {
        return http(user, "demo").get().uri("/api/cases/{n}/timeline", caseNumber).retrieve().body(JsonNode.class);
    }

    /**
     * Each entry as one line, "what | who | detail" (empty parts left out but their bars kept), and an
     * open task as "Task open->name" so that it is told apart from its completion.
     */
    private static List<String> lines(JsonNode timeline) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : timeline.get("entries")) {
            String what = entry.get("what").asText();
            if (what.startsWith("Task open: ")) {
                lines.add("Task open->" + what.substring("Task open: ".length()));
                continue;
            }
            String who = entry.path("who").asText("");
            String detail = entry.path("detail").asText("");
            lines.add((what + " | " + who + " | " + detail).replaceAll("( \\| )+$", "").replaceAll(" \\|  \\| ", " || "));
        }
        return lines;
    }

    /** No code where staff read words: no RECORDS_CHECK, DETERMINATION_ISSUED or e3 in any entry. */
    private static void assertInWords(List<String> lines) {
        assertThat(lines).as("entries in words").noneMatch(line -> line.matches(".*\\b[A-Z]+_[A-Z_]+\\b.*"))
                .noneMatch(line -> line.matches(".*\\be\\d+\\b.*"));
    }

    /** Each expected line begins a line of the timeline, in this order (others may come between). */
    private static void assertInOrder(List<String> lines, String... expected) {
        int at = 0;
        for (String start : expected) {
            while (at < lines.size() && !lines.get(at).startsWith(start)) {
                at++;
            }
            assertThat(at).as("\"%s\" after the earlier ones, in:%n%s", start, String.join("\n", lines))
                    .isLessThan(lines.size());
            at++;
        }
    }

    private static JsonNode entry(JsonNode timeline, String what) {
        for (JsonNode entry : timeline.get("entries")) {
            if (entry.get("what").asText().equals(what)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + what + " in " + timeline);
    }

    private static int status(RestClient client, String path) {
        return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }
}
