package org.openimr.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openimr.CaseDriver;
import org.openimr.load.Nodes.Answer;
import org.openimr.load.Nodes.NoAnswer;

/**
 * Moves IMR cases from the application to the issued letter through the HTTP API only, as the
 * people of the IMR organization would: intake submits the application and, when the claims
 * administrator's records arrive, posts them and checks them complete; the assigned reviewer
 * writes the clinical summary and decides each disputed item (as the guideline recommends, with
 * an own rationale where the tables leave it to judgement); a supervisor approves the letter; the
 * job executor issues it.
 * <p>
 * Every step is chosen from the case as the API shows it now (its stage and open tasks), so a step
 * whose outcome is unknown (its node died, the database restarted) is simply looked at again: if
 * it happened the case has moved on, if not it is done again. A submission whose outcome is
 * unknown is sent again: the same application answers 409 with the case number it got. A case may
 * then be remanded ({@link #remand}): its new review is worked the same way.
 */
public final class HttpCaseDriver {

    /**
     * How a driven case ended, as far as the driver saw it. {@code submissions} above 1 means an
     * answer was lost; {@code registeredEarlier} that a lost answer had registered the application
     * (the next submission was answered 409 with its case number).
     */
    public record CaseRun(String caseNumber, String status, String stage, int submissions, boolean registeredEarlier,
            int unanswered, int refused, String lastProblem) {

        public boolean closed() {
            return status != null && !"OPEN".equals(status);
        }
    }

    static final String SUPERVISOR = "supervisor1";
    private static final List<String> INTAKE = List.of("intake1", "intake2");
    private static final String ENGINE_TASKS = "/engine-rest/task";

    private final Nodes nodes;
    private final Duration poll;

    /** @param poll how long to wait before looking again at a case the engine is still working on */
    public HttpCaseDriver(Nodes nodes, Duration poll) {
        this.nodes = nodes;
        this.poll = poll;
    }

    /** Submits the application and works the case until its letter (or notice) is issued or the deadline passes. */
    public CaseRun drive(ObjectNode application, Instant deadline) throws InterruptedException {
        Progress progress = new Progress();
        String caseNumber = submit(application, deadline, progress);
        if (caseNumber == null) {
            return progress.run(null, null, null);
        }
        return work(caseNumber, 1, deadline, progress);
    }

    /**
     * A supervisor records a WCAB order setting the case's issued determination aside for its first
     * item, and the new review is worked until its letter is issued or the deadline passes. An order
     * whose answer was lost is sent again: the same reference is the same remand (200), never a second.
     */
    public CaseRun remand(String caseNumber, LocalDate today, Instant deadline) throws InterruptedException {
        Progress progress = new Progress();
        Map<String, Object> order = Map.of("issuedBy", "WCAB", "orderReference", "ADJ-" + caseNumber,
                "orderDate", today.toString(), "receivedDate", today.toString(), "items", List.of(1));
        int reviewNo = 0;
        while (reviewNo == 0 && Instant.now().isBefore(deadline)) {
            try {
                Answer answer = nodes.post("remand", SUPERVISOR, "/api/cases/" + caseNumber + "/remands", order);
                if (answer.ok()) {
                    reviewNo = answer.body().path("reviewNo").asInt();
                } else if (answer.status() == 400) {
                    throw new IllegalArgumentException("The remand order was refused: " + answer.body());
                } else {
                    progress.problem("remand answered " + answer.status());
                }
            } catch (NoAnswer e) {
                progress.noAnswer(e);
            }
            if (reviewNo == 0) {
                Thread.sleep(poll.toMillis());
            }
        }
        return reviewNo == 0 ? progress.run(caseNumber, null, null) : work(caseNumber, reviewNo, deadline, progress);
    }

    /** Works the case's review {@code reviewNo} until the case is closed in that review or the deadline passes. */
    private CaseRun work(String caseNumber, int reviewNo, Instant deadline, Progress progress)
            throws InterruptedException {
        String intakeUser = INTAKE.get(Math.floorMod(caseNumber.hashCode(), INTAKE.size()));
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                view = caseView(caseNumber, progress);
                if (view != null && !"OPEN".equals(view.path("status").asText())
                        && (reviewNo == 1 || determined(caseNumber, reviewNo, progress))) {
                    break;
                }
                if (view == null || !act(caseNumber, view.path("stage").asText(), intakeUser, progress)) {
                    Thread.sleep(poll.toMillis());
                }
            } catch (NoAnswer e) {
                progress.noAnswer(e);
                Thread.sleep(poll.toMillis());
            }
        }
        return view == null ? progress.run(caseNumber, null, null)
                : progress.run(caseNumber, view.path("status").asText(), view.path("stage").asText());
    }

    /**
     * Sends the application until a node answers with its case number: 201 for a new case, 409 when an
     * earlier attempt whose answer was lost had registered it. Null when the deadline passes first.
     */
    String submit(ObjectNode application, Instant deadline, Progress progress) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            progress.submissions++;
            try {
                Answer answer = nodes.post("submit", INTAKE.get(0), "/api/cases", application);
                if (answer.status() == 201) {
                    return answer.body().path("caseNumber").asText();
                }
                if (answer.status() == 409 && answer.body().hasNonNull("caseNumber")) {
                    progress.registeredEarlier = progress.submissions > 1;
                    return answer.body().get("caseNumber").asText();
                }
                if (answer.status() == 400) {
                    throw new IllegalArgumentException("The application was refused: " + answer.body());
                }
                progress.problem("submit answered " + answer.status());
            } catch (NoAnswer e) {
                progress.noAnswer(e);
            }
            Thread.sleep(poll.toMillis());
        }
        return null;
    }

    /** Whether the case's review {@code reviewNo} has its determination issued (a remand not yet opened has none). */
    private boolean determined(String caseNumber, int reviewNo, Progress progress) throws NoAnswer {
        Answer answer = nodes.get("reviews", SUPERVISOR, "/api/cases/" + caseNumber + "/remands");
        if (!answered("reviews", answer, progress)) {
            return false;
        }
        for (JsonNode determination : answer.body().path("determinations")) {
            if (determination.path("reviewNo").asInt() == reviewNo) {
                return true;
            }
        }
        return false;
    }

    private JsonNode caseView(String caseNumber, Progress progress) throws NoAnswer {
        Answer answer = nodes.get("case", SUPERVISOR, "/api/cases/" + caseNumber);
        if (answer.ok()) {
            return answer.body();
        }
        progress.problem("case view answered " + answer.status());
        return null;
    }

    /** Does what the case's stage asks for; false when there is nothing to do but wait for the engine. */
    private boolean act(String caseNumber, String stage, String intakeUser, Progress progress) throws NoAnswer {
        return switch (stage) {
            case "SCREENING" -> completeGroupTasks(caseNumber, "ScreenApplicationTask", intakeUser,
                    Map.of("screeningDecision", value("INELIGIBLE")), progress);
            case "AWAITING_RECORDS" -> sendRecords(caseNumber, intakeUser, progress);
            case "RECORDS_CHECK" -> completeGroupTasks(caseNumber, "CheckRecordsCompletenessTask", intakeUser,
                    Map.of("recordsComplete", value("true")), progress);
            case "REVIEWER_SELECTION" -> completeGroupTasks(caseNumber, "AssignReviewerManuallyTask", SUPERVISOR,
                    Map.of("retrySelection", value(true)), progress);
            case "CLINICAL_SUMMARY" -> completeAssignedTasks(caseNumber, "WriteClinicalSummaryTask", progress);
            case "ITEM_DECISIONS" -> completeAssignedTasks(caseNumber, "DecideItemTask", progress);
            case "LETTER_QA" -> completeGroupTasks(caseNumber, "ReviewLetterTask", SUPERVISOR,
                    Map.of("letterApproved", value("true")), progress);
            case "LETTER_CORRECTION" -> completeAssignedTasks(caseNumber, "CorrectLetterTask", progress);
            default -> false;
        };
    }

    private boolean sendRecords(String caseNumber, String intakeUser, Progress progress) throws NoAnswer {
        Answer answer = nodes.post("records", intakeUser, "/api/cases/" + caseNumber + "/records", Map.of("documents",
                List.of(Map.of("title", "Primary treating physician's progress report (PR-2)", "author",
                                "Dr. Test Physician", "date", "2014-06-12", "pages", 30),
                        Map.of("title", "Utilization review determination", "author", "Sierra Claims Administrators",
                                "date", "2014-06-27", "pages", 24))));
        return answered("records", answer, progress);
    }

    /** A group's task: claimed by the user (unless someone has it already) and completed with the answers. */
    private boolean completeGroupTasks(String caseNumber, String taskKey, String user, Map<String, Object> answers,
            Progress progress) throws NoAnswer {
        boolean acted = false;
        for (JsonNode task : openTasks(caseNumber, taskKey, progress)) {
            String taskId = task.get("id").asText();
            String worker = task.hasNonNull("assignee") ? task.get("assignee").asText() : user;
            if (!task.hasNonNull("assignee")) {
                Answer claimed = nodes.post("claim", worker, ENGINE_TASKS + "/" + taskId + "/claim",
                        Map.of("userId", worker));
                if (!answered("claim " + taskKey, claimed, progress)) {
                    continue;
                }
            }
            acted |= submitForm(taskKey, taskId, worker, answers, progress);
        }
        return acted;
    }

    /** Tasks assigned to the case's reviewer: completed by that reviewer. */
    private boolean completeAssignedTasks(String caseNumber, String taskKey, Progress progress) throws NoAnswer {
        boolean acted = false;
        for (JsonNode task : openTasks(caseNumber, taskKey, progress)) {
            if (!task.hasNonNull("assignee")) {
                continue;
            }
            String reviewer = task.get("assignee").asText();
            String taskId = task.get("id").asText();
            Map<String, Object> answers = switch (taskKey) {
                case "DecideItemTask" -> decision(caseNumber, reviewer, taskId, progress);
                default -> Map.of("pagesReviewed", value(54), "clinicalSummary", value(
                        "The claimant was described as a 44-year-old man injured at work in 2012, with neck and "
                                + "low back pain treated conservatively."));
            };
            if (answers != null) {
                acted |= submitForm(taskKey, taskId, reviewer, answers, progress);
            }
        }
        return acted;
    }

    /**
     * The reviewer establishes the item's facts as they stand, follows the guideline recommendation, and
     * gives an own rationale where it leaves the item open.
     */
    private Map<String, Object> decision(String caseNumber, String reviewer, String taskId, Progress progress)
            throws NoAnswer {
        Answer form = nodes.get("form-variables", reviewer,
                ENGINE_TASKS + "/" + taskId + "/form-variables?variableNames=recommendedOutcome,itemNo");
        if (!answered("form-variables", form, progress)) {
            return null;
        }
        String facts = "/api/cases/" + caseNumber + "/items/" + form.body().at("/itemNo/value").asInt() + "/facts";
        Answer view = nodes.get("item facts", reviewer, facts);
        if (!answered("item facts", view, progress)
                || !answered("establish facts", nodes.put("establish facts", reviewer, facts,
                        CaseDriver.factsAsGiven(view.body())), progress)) {
            return null;
        }
        String recommended = form.body().at("/recommendedOutcome/value").asText();
        Map<String, Object> answers = new HashMap<>();
        switch (recommended) {
            case "NOT_MEDICALLY_NECESSARY" -> answers.put("decision", value("UPHELD"));
            case "MEDICALLY_NECESSARY" -> answers.put("decision", value("OVERTURNED"));
            default -> {
                answers.put("decision", value("UPHELD"));
                answers.put("ownCitation", value("MTUS Chronic Pain Medical Treatment Guidelines (2009), page 80 of 127"));
                answers.put("ownRationale", value("The records do not document functional improvement from the "
                        + "treatment so far."));
            }
        }
        return answers;
    }

    private List<JsonNode> openTasks(String caseNumber, String taskKey, Progress progress) throws NoAnswer {
        Answer answer = nodes.get("tasks", SUPERVISOR,
                ENGINE_TASKS + "?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + taskKey);
        if (!answered("tasks", answer, progress)) {
            return List.of();
        }
        return iterate(answer.body());
    }

    private boolean submitForm(String taskKey, String taskId, String user, Map<String, Object> answers,
            Progress progress) throws NoAnswer {
        Answer answer = nodes.post("complete " + taskKey, user, ENGINE_TASKS + "/" + taskId + "/submit-form",
                Map.of("variables", answers));
        return answered("complete " + taskKey, answer, progress);
    }

    /**
     * True for a 2xx. Anything else is noted and the case looked at again: a task completed meanwhile
     * (404), a conflict the engine refused (500 OptimisticLockingException), a database that is down.
     */
    private static boolean answered(String what, Answer answer, Progress progress) {
        if (answer.ok()) {
            return true;
        }
        progress.problem(what + " answered " + answer.status() + " " + answer.body().path("type").asText(""));
        return false;
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /** What the driver saw of one case. */
    static final class Progress {

        int submissions;
        boolean registeredEarlier;
        int unanswered;
        int refused;
        String lastProblem;

        void noAnswer(NoAnswer e) {
            if (e.reachedNode()) {
                unanswered++;
            } else {
                refused++;
            }
            lastProblem = e.getMessage();
        }

        void problem(String problem) {
            lastProblem = problem;
        }

        CaseRun run(String caseNumber, String status, String stage) {
            return new CaseRun(caseNumber, status, stage, submissions, registeredEarlier, unanswered, refused,
                    lastProblem);
        }
    }
}
