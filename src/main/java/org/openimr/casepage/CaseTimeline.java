package org.openimr.casepage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.openimr.casepage.TimelineEntry.Kind;
import org.openimr.casepage.TimelineEntry.Order;
import org.openimr.cases.CaseLabels;
import org.openimr.cases.CaseRecord;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of a case, oldest first: what the application recorded (registration, screening,
 * records requested and received, reviewer assignments, letters and their review, determinations,
 * remands, closing) and what the engine's history holds (each task with who completed it and when,
 * reassignments of a task, the events of the case process such as a withdrawal or a timer). Read
 * from both every time, so it is as current as they are, for open and closed cases alike.
 * <p>
 * One entry a fact: where the engine's history and the application's tables both hold a fact (the
 * end of a path, the reviewer's tasks moved by a reassignment), it is said once, and codes are said
 * in words ({@link CaseLabels}, the eligibility table's rule names).
 */
@Component
class CaseTimeline {

    /**
     * The engine's event activity types that say something on their own: a deadline reached, a message
     * received. End events are not among them: what ends a path is said by the work before it or by what
     * the application recorded (a determination issued, a case closed, a letter issued).
     */
    private static final Set<String> EVENT_TYPES = Set.of("messageStartEvent", "timerStartEvent", "signalStartEvent",
            "boundaryTimer", "boundaryMessage", "boundarySignal", "boundaryError", "boundaryEscalation",
            "intermediateTimer", "intermediateMessageCatch", "intermediateSignalCatch");
    /** How near in time the engine's move of a task and the application's reassignment of the reviewer are. */
    private static final Duration ONE_REASSIGNMENT = Duration.ofMinutes(1);
    /** A calendar date as the case page writes it ("Jul 14, 2014"). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /** A reviewer's assignment to the case: who, when, and by whom. */
    private record Assignment(String reviewer, Instant assignedAt, String assignedBy) {
    }

    private final JdbcClient jdbc;
    private final HistoryService historyService;
    private final EligibilityRuleNames ruleNames;
    private final ClosingReasons closingReasons;

    CaseTimeline(JdbcClient jdbc, HistoryService historyService, EligibilityRuleNames ruleNames,
            ClosingReasons closingReasons) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.ruleNames = ruleNames;
        this.closingReasons = closingReasons;
    }

    List<TimelineEntry> of(CaseRecord record) {
        List<TimelineEntry> entries = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        fromTheApplication(record, entries, assignments);
        for (HistoricProcessInstance process : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(record.caseNumber()).list()) {
            fromTheEngine(record, process, entries, assignments);
        }
        // Stable: entries of one instant and order keep the order in which they were added.
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::order));
        return entries;
    }

    // ------------------------------------------------------------------ the application's tables

    private void fromTheApplication(CaseRecord record, List<TimelineEntry> entries, List<Assignment> assignments) {
        long caseId = record.id();
        entries.add(TimelineEntry.of(record.createdAt(), Kind.CASE, "Application registered", record.createdBy(),
                "Received " + DAY.format(record.applicationReceivedDate()) + channel(record.channel())
                        + (record.expedited() ? "; expedited review" : "")));
        jdbc.sql("select decided_at, decided_by, decision, findings, reason from imr_screening_decision where case_id = ?"
                + " order by decided_at, id")
                .param(caseId).query((rs, n) -> TimelineEntry.of(Rows.instant(rs, "decided_at"), Kind.SCREENING,
                        screening(rs.getString("decision")), rs.getString("decided_by"),
                        join(findings(rs.getString("findings")), rs.getString("reason"))))
                .list().forEach(entries::add);
        jdbc.sql("select requested_at, requested_by, kind, due_at, note from imr_records_request where case_id = ?"
                + " order by requested_at, id")
                .param(caseId).query((rs, n) -> TimelineEntry.of(Rows.instant(rs, "requested_at"), Kind.RECORDS,
                        recordsRequest(rs.getString("kind")), rs.getString("requested_by"),
                        join(due(rs), rs.getString("note"))))
                .list().forEach(entries::add);
        jdbc.sql("select received_at, received_by, title, pages from imr_document where case_id = ? order by received_at, id")
                .param(caseId).query((rs, n) -> TimelineEntry.of(Rows.instant(rs, "received_at"), Kind.RECORDS,
                        "Document received: " + rs.getString("title"), rs.getString("received_by"),
                        pages(rs.getInt("pages"))))
                .list().forEach(entries::add);
        reviewerAssignments(caseId, entries, assignments);
        letters(caseId, entries);
        jdbc.sql("select issued_at, review_no, outcome, letter_version from imr_determination where case_id = ?"
                + " order by issued_at, id")
                .param(caseId).query((rs, n) -> TimelineEntry.of(Rows.instant(rs, "issued_at"), Kind.DETERMINATION,
                        "Final determination issued: " + outcome(rs.getString("outcome")), null,
                        "Review " + rs.getInt("review_no") + ", letter version " + rs.getInt("letter_version")))
                .list().forEach(entries::add);
        jdbc.sql("select recorded_at, recorded_by, review_no, issued_by, order_reference, items, note from imr_remand"
                + " where case_id = ? order by recorded_at")
                .param(caseId).query((rs, n) -> TimelineEntry.of(Rows.instant(rs, "recorded_at"), Kind.REMAND,
                        "Remand recorded: review " + rs.getInt("review_no") + " of " + items(rs.getString("items")),
                        rs.getString("recorded_by"), join("Order " + rs.getString("order_reference") + " of the "
                                + issuer(rs.getString("issued_by")), rs.getString("note"))))
                .list().forEach(entries::add);
        ClosingReasons.Closing closing = closingReasons.of(record);
        if (closing != null) {
            entries.add(TimelineEntry.of(record.closedAt(), Kind.CASE, CaseLabels.closing(record.status()), null,
                    closing.sentence()));
        }
    }

    private void reviewerAssignments(long caseId, List<TimelineEntry> entries, List<Assignment> assignments) {
        jdbc.sql("""
                select a.assigned_at, a.assigned_by, a.specialty, a.reason, a.released_at, a.release_reason, r.user_id
                from imr_reviewer_assignment a join imr_reviewer r on r.id = a.reviewer_id
                where a.case_id = ? order by a.assigned_at, a.id""")
                .param(caseId).query(rs -> {
                    String reviewer = rs.getString("user_id");
                    assignments.add(new Assignment(reviewer, Rows.instant(rs, "assigned_at"), rs.getString("assigned_by")));
                    entries.add(TimelineEntry.of(Rows.instant(rs, "assigned_at"), Kind.REVIEWER,
                            "Reviewer assigned: " + reviewer, rs.getString("assigned_by"),
                            join("Specialty: " + CaseLabels.specialty(rs.getString("specialty")),
                                    rs.getString("reason"))));
                    Instant released = Rows.instant(rs, "released_at");
                    if (released != null) {
                        entries.add(TimelineEntry.of(released, Kind.REVIEWER, "Reviewer released: " + reviewer, null,
                                rs.getString("release_reason")));
                    }
                });
    }

    private void letters(long caseId, List<TimelineEntry> entries) {
        jdbc.sql("""
                select l.created_at, l.created_by, l.kind, l.version, l.status, l.review_note,
                    (select min(r.issued_at) from imr_letter_recipient r where r.letter_id = l.id) as issued_at,
                    (select count(*) from imr_letter_recipient r where r.letter_id = l.id) as recipients
                from imr_letter l where l.case_id = ? order by l.created_at, l.id""")
                .param(caseId).query(rs -> {
                    String letter = CaseOverviews.letterName(rs.getString("kind")) + ", version " + rs.getInt("version");
                    String note = rs.getString("review_note");
                    entries.add(TimelineEntry.of(Rows.instant(rs, "created_at"), Kind.LETTER, letter + " written",
                            rs.getString("created_by"), join("Now " + words(rs.getString("status")),
                                    note == null ? null : "QA note: " + note)));
                    Instant issued = Rows.instant(rs, "issued_at");
                    if (issued != null) {
                        int recipients = rs.getInt("recipients");
                        entries.add(TimelineEntry.of(issued, Kind.LETTER, letter + " issued", null,
                                "To " + recipients + (recipients == 1 ? " party" : " parties")));
                    }
                });
    }

    // ------------------------------------------------------------------ the engine's history

    private void fromTheEngine(CaseRecord record, HistoricProcessInstance process, List<TimelineEntry> entries,
            List<Assignment> assignments) {
        String suffix = " (" + record.caseNumber() + ")";
        Map<String, String> completedBy = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
                .processInstanceId(process.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
            if (entry.getTaskId() != null && entry.getUserId() != null) {
                completedBy.put(entry.getTaskId(), entry.getUserId());
            }
        }
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(process.getId()).list()) {
            String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName().replace(suffix, "");
            reassignments(task, name, entries, assignments);
            if (task.getEndTime() == null) {
                entries.add(TimelineEntry.of(task.getStartTime().toInstant(), Kind.TASK, "Task open: " + name,
                        task.getAssignee(), task.getAssignee() == null ? "Not yet claimed" : "Assigned to " + task.getAssignee()));
            } else if ("completed".equals(task.getDeleteReason())) {
                entries.add(TimelineEntry.of(task.getEndTime().toInstant(), Kind.TASK, "Task completed: " + name,
                        completedBy.getOrDefault(task.getId(), task.getAssignee()),
                        "Opened " + TimelineEntry.CALIFORNIA_TIME.format(task.getStartTime().toInstant()), Order.WORK));
            } else {
                entries.add(TimelineEntry.of(task.getEndTime().toInstant(), Kind.TASK, "Task cancelled: " + name,
                        null, "The case moved on without it", Order.WORK));
            }
        }
        Map<String, HistoricActivityInstance> activities = new HashMap<>();
        List<HistoricActivityInstance> list = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(process.getId()).list();
        list.forEach(activity -> activities.put(activity.getId(), activity));
        for (HistoricActivityInstance activity : list) {
            if (EVENT_TYPES.contains(activity.getActivityType()) && activity.getActivityName() != null
                    && !startsTheInstance(activity) && !insideRepeatedWork(activity, activities)) {
                entries.add(TimelineEntry.of(activity.getStartTime().toInstant(), Kind.EVENT, activity.getActivityName(),
                        null, null, Order.TRIGGER));
            }
        }
    }

    /**
     * The start event of the process instance itself (a remand ordered): why the instance started is the
     * application's own entry (the remand recorded, with its order), so the event would say it twice.
     */
    private static boolean startsTheInstance(HistoricActivityInstance activity) {
        return activity.getActivityType().endsWith("StartEvent")
                && activity.getProcessInstanceId().equals(activity.getParentActivityInstanceId());
    }

    /**
     * A task handed from one person to another after it was created: claimed, or reassigned. A
     * reassignment in Tasklist carries the engine user who made it; one the application made (a
     * supervisor's reassignment of the case's reviewer, POST /api/cases/{n}/reviewer, moves the
     * reviewer's open tasks) carries none in the engine, and is the application's reassignment of
     * the reviewer at that moment, by the supervisor it recorded.
     */
    private void reassignments(HistoricTaskInstance task, String name, List<TimelineEntry> entries,
            List<Assignment> assignments) {
        List<HistoricIdentityLinkLog> links = new ArrayList<>(historyService.createHistoricIdentityLinkLogQuery()
                .taskId(task.getId()).type(IdentityLinkType.ASSIGNEE).list());
        links.sort(Comparator.comparing(HistoricIdentityLinkLog::getTime));
        String holder = null;
        for (HistoricIdentityLinkLog link : links) {
            if ("delete".equals(link.getOperationType())) {
                holder = null;
                continue;
            }
            String previous = holder;
            holder = link.getUserId();
            if (!link.getTime().after(task.getStartTime())) {
                continue;  // assigned as the task was created: the task's own entry says to whom
            }
            Instant at = link.getTime().toInstant();
            String before = lastRemoved(links, link);
            if (previous == null && before == null) {
                entries.add(TimelineEntry.of(at, Kind.TASK, "Task claimed: " + name, link.getUserId(), null));
            } else {
                String by = link.getAssignerId() != null ? link.getAssignerId()
                        : reassignedBy(assignments, link.getUserId(), at);
                entries.add(TimelineEntry.of(at, Kind.TASK, "Task reassigned: " + name, by,
                        "From " + (previous != null ? previous : before) + " to " + link.getUserId()));
            }
        }
    }

    /** Who assigned the case to this reviewer at the moment the task was handed to them, if the application did. */
    private static String reassignedBy(List<Assignment> assignments, String reviewer, Instant at) {
        return assignments.stream().filter(a -> a.reviewer().equals(reviewer) && a.assignedBy() != null)
                .filter(a -> Duration.between(a.assignedAt(), at).abs().compareTo(ONE_REASSIGNMENT) <= 0)
                .min(Comparator.comparing(a -> Duration.between(a.assignedAt(), at).abs()))
                .map(Assignment::assignedBy).orElse(null);
    }

    /** The assignee a change removed just before it added another (Camunda logs a change as delete, then add). */
    private static String lastRemoved(List<HistoricIdentityLinkLog> links, HistoricIdentityLinkLog added) {
        String removed = null;
        for (HistoricIdentityLinkLog link : links) {
            if (link == added) {
                return removed;
            }
            removed = "delete".equals(link.getOperationType()) ? link.getUserId() : null;
        }
        return removed;
    }

    /** An event of one round of repeated work (an item decided): the tasks themselves say it. */
    private static boolean insideRepeatedWork(HistoricActivityInstance activity, Map<String, HistoricActivityInstance> all) {
        HistoricActivityInstance parent = all.get(activity.getParentActivityInstanceId());
        HistoricActivityInstance grandParent = parent == null ? null : all.get(parent.getParentActivityInstanceId());
        return grandParent != null && "multiInstanceBody".equals(grandParent.getActivityType());
    }

    // ------------------------------------------------------------------ words

    private static String screening(String decision) {
        return switch (decision) {
            case "INELIGIBLE" -> "Screening: findings confirmed, not eligible";
            case "ELIGIBLE" -> "Screening: findings overridden, eligible";
            case "DEFER" -> "Screening: deferred until liability is determined";
            case "CONSOLIDATE" -> "Screening: joined into an earlier case";
            case "KEEP_SEPARATE" -> "Screening: kept separate from an earlier case";
            case "CONSOLIDATED" -> "Screening: another application joined";
            case "LIABILITY_ACCEPTED" -> "Liability determination recorded: liability accepted, the review goes on";
            case "LIABILITY_DENIED" -> "Liability determination recorded: liability denied, not eligible";
            default -> "Screening: " + words(decision);
        };
    }

    private String findings(String codes) {
        String named = ruleNames.inWords(codes);
        return named == null ? null : "Findings: " + named;
    }

    /** A case's outcome: each item upheld, each overturned, or some of each. */
    private static String outcome(String outcome) {
        return "MIXED".equals(outcome) ? "upheld in part, overturned in part" : words(outcome);
    }

    private static String channel(String channel) {
        return switch (channel) {
            case "API" -> ", filed electronically";
            case "PAPER" -> ", on paper";
            default -> ", by " + words(channel);
        };
    }

    private static String issuer(String issuedBy) {
        return "DIVISION".equals(issuedBy) ? "Division" : issuedBy;
    }

    private static String recordsRequest(String kind) {
        return switch (kind) {
            case "INITIAL" -> "Records requested";
            case "FOLLOW_UP" -> "Overdue records followed up";
            case "ADDITIONAL" -> "Missing records requested";
            default -> "Records requested (" + words(kind) + ")";
        };
    }

    private static String due(ResultSet rs) throws SQLException {
        Instant due = Rows.instant(rs, "due_at");
        return due == null ? null : "Due " + TimelineEntry.CALIFORNIA_TIME.format(due);
    }

    /** "1" -> "item 1", "1,3" -> "items 1, 3". */
    private static String items(String numbers) {
        String listed = numbers == null ? "" : numbers.replaceAll("\\s*,\\s*", ", ");
        return (listed.contains(",") ? "items " : "item ") + listed;
    }

    private static String pages(int pages) {
        return pages + (pages == 1 ? " page" : " pages");
    }

    /** UPHELD -> "upheld", NOT_MEDICALLY_NECESSARY -> "not medically necessary". */
    static String words(String code) {
        return CaseLabels.words(code);
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + ". " + second;
    }
}
