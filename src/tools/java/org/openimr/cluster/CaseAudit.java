package org.openimr.cluster;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openimr.load.HttpCaseDriver.CaseRun;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks every submitted application against the database after a fault run: was it registered
 * once, did its case end with its letter (or ineligibility notice) issued exactly once, or is it
 * still waiting where a case may wait (a task, a job, a message)? Anything else is lost work. A
 * remanded case has one review per order, each ended with its own determination and letter. Every
 * ended review has its invoice issued exactly once (or is listed as unbilled, when no fee schedule
 * covers it) where the billing policy bills it, and none where it does not (a remand's review, when
 * remands are not invoiced); a review under way has none yet.
 */
final class CaseAudit {

    /**
     * An application the drivers submitted, by its employee's name (unique per application), how its run
     * ended, and how its remand's review ended (null: not remanded).
     */
    record Submitted(String employeeName, CaseRun run, CaseRun remand) {
    }

    record Incident(String type, String activity, String message) {
    }

    record Result(int submitted, int acknowledged, int resent, int registeredEarlier, int neverRegistered,
            int completedIssued, int completedIneligible, int inProgress, List<String> lost, int duplicateCases,
            List<String> duplicateLetters, List<Incident> incidents, int jobsWaitingToRetry, int failedJobRuns,
            int remanded, int reviewsInvoiced, List<String> invoiceProblems) {

        int completed() {
            return completedIssued + completedIneligible;
        }
    }

    private record Row(long id, String caseNumber, String status, String processInstanceId, int items, int decided,
            int reviews) {
    }

    private final JdbcClient jdbc;
    private final boolean remandInvoiced;

    /** @param remandInvoiced the nodes' billing policy: a review after a remand gets its own invoice */
    CaseAudit(DataSource database, boolean remandInvoiced) {
        this.jdbc = JdbcClient.create(database);
        this.remandInvoiced = remandInvoiced;
    }

    Result audit(List<Submitted> submitted) {
        Map<String, List<Row>> registry = new HashMap<>();
        jdbc.sql("""
                select c.employee_name, c.id, c.case_number, c.status, c.process_instance_id,
                    (select count(*) from imr_disputed_item i where i.case_id = c.id) as items,
                    (select count(*) from imr_disputed_item i where i.case_id = c.id and i.decision is not null) as decided,
                    c.review_no
                from imr_case c""")
                .query((rs, n) -> {
                    registry.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(new Row(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8)));
                    return null;
                }).list();
        Set<String> running = strings("select distinct proc_inst_id_ from act_ru_execution");
        Set<String> waiting = strings("""
                select proc_inst_id_ from act_ru_task union select process_instance_id_ from act_ru_job
                union select proc_inst_id_ from act_ru_event_subscr""");
        Set<String> ended = strings("select id_ from act_hi_procinst where state_ = 'COMPLETED'");
        Map<String, Integer> invoices = new HashMap<>();
        jdbc.sql("select case_id, review_no, count(*) from imr_invoice group by case_id, review_no")
                .query((rs, n) -> invoices.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getInt(3))).list();
        Set<String> unbilled = strings("select case_id || '/' || review_no from imr_unbilled_review");
        Set<String> determined = strings("select case_id || '/' || review_no from imr_determination");
        Map<String, Integer> issued = new HashMap<>();
        jdbc.sql("select case_id, kind, count(*) from imr_letter where status = 'ISSUED' group by case_id, kind")
                .query((rs, n) -> issued.put(rs.getLong(1) + "/" + rs.getString(2), rs.getInt(3))).list();

        int acknowledged = 0;
        int resent = 0;
        int registeredEarlier = 0;
        int neverRegistered = 0;
        int completedIssued = 0;
        int completedIneligible = 0;
        int inProgress = 0;
        int duplicateCases = 0;
        int remanded = 0;
        int reviewsInvoiced = 0;
        List<String> lost = new ArrayList<>();
        List<String> invoiceProblems = new ArrayList<>();
        for (Submitted application : submitted) {
            CaseRun run = application.run();
            acknowledged += run.caseNumber() != null ? 1 : 0;
            resent += run.submissions() > 1 ? 1 : 0;
            registeredEarlier += run.registeredEarlier() ? 1 : 0;
            List<Row> rows = registry.getOrDefault(application.employeeName(), List.of());
            duplicateCases += Math.max(0, rows.size() - 1);
            if (rows.isEmpty()) {
                if (run.caseNumber() != null) {
                    lost.add(run.caseNumber() + ": answered as registered, but not in the registry");
                } else {
                    neverRegistered++;
                }
                continue;
            }
            Row row = rows.get(0);
            String problem = run.caseNumber() != null && !run.caseNumber().equals(row.caseNumber())
                    ? "answered as " + run.caseNumber() + " but registered as another case"
                    : switch (row.status()) {
                        case "DETERMINATION_ISSUED" -> issuedProblem(row, ended, issued, determined);
                        case "INELIGIBLE" -> ineligibleProblem(row, ended, issued);
                        case "OPEN" -> openProblem(row, running, waiting);
                        default -> "unexpected status " + row.status();
                    };
            if (problem == null && application.remand() != null && row.reviews() < 2) {
                problem = "remand ordered" + (application.remand().status() == null ? " (never answered)" : "")
                        + ", but no review after it";
            }
            remanded += row.reviews() > 1 ? 1 : 0;
            for (int review = 1; review <= row.reviews(); review++) {
                String key = row.id() + "/" + review;
                int count = invoices.getOrDefault(key, 0);
                boolean over = review < row.reviews() || !row.status().equals("OPEN");
                boolean billed = over && (review == 1 || remandInvoiced);
                String invoiceProblem = billed
                        ? (count == 1 || count == 0 && unbilled.contains(key) ? null
                                : "review " + review + " ended (case " + row.status() + ") with " + count
                                        + " invoices (one expected)")
                        : count == 0 ? null
                        : "review " + review + " invoiced " + count + " times " + (over
                                ? "though the policy does not invoice a remand's review" : "while it is under way");
                if (invoiceProblem != null) {
                    invoiceProblems.add(row.caseNumber() + ": " + invoiceProblem);
                }
                reviewsInvoiced += billed && count == 1 ? 1 : 0;
            }
            if (problem != null) {
                lost.add(row.caseNumber() + ": " + problem);
            } else if (row.status().equals("DETERMINATION_ISSUED")) {
                completedIssued++;
            } else if (row.status().equals("INELIGIBLE")) {
                completedIneligible++;
            } else {
                inProgress++;
            }
        }
        return new Result(submitted.size(), acknowledged, resent, registeredEarlier, neverRegistered,
                completedIssued, completedIneligible, inProgress, lost, duplicateCases, duplicateLetters(issued), incidents(),
                jdbc.sql("select count(*) from act_ru_job where exception_msg_ is not null and retries_ > 0")
                        .query(Integer.class).single(),
                jdbc.sql("select count(*) from act_hi_job_log where job_exception_msg_ is not null")
                        .query(Integer.class).single(),
                remanded, reviewsInvoiced, invoiceProblems);
    }

    /** When the first letter or notice was issued after a moment: how soon the job executors worked again. */
    Instant firstIssuedAfter(Instant moment) {
        return jdbc.sql("select issued_at from imr_letter_recipient where issued_at > ? order by issued_at limit 1")
                .param(Timestamp.from(moment)).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    private static String issuedProblem(Row row, Set<String> ended, Map<String, Integer> issued,
            Set<String> determined) {
        if (!ended.contains(row.processInstanceId())) {
            return "determination issued, but its process did not end";
        }
        for (int review = 1; review <= row.reviews(); review++) {
            if (!determined.contains(row.id() + "/" + review)) {
                return "closed in review " + row.reviews() + " without the determination of review " + review;
            }
        }
        if (row.decided() != row.items()) {
            return row.decided() + " of " + row.items() + " items decided";
        }
        if (issued.getOrDefault(row.id() + "/FINAL_DETERMINATION", 0) == 0
                || issued.getOrDefault(row.id() + "/NOTICE_OF_ASSIGNMENT", 0) == 0) {
            return "closed without its notice of assignment or final determination letter issued";
        }
        return null;
    }

    private static String ineligibleProblem(Row row, Set<String> ended, Map<String, Integer> issued) {
        if (!ended.contains(row.processInstanceId())) {
            return "closed as ineligible, but its process did not end";
        }
        return issued.getOrDefault(row.id() + "/INELIGIBILITY_NOTICE", 0) == 0
                ? "closed as ineligible without the ineligibility notice issued" : null;
    }

    private static String openProblem(Row row, Set<String> running, Set<String> waiting) {
        if (row.processInstanceId() == null || !running.contains(row.processInstanceId())) {
            return "open in the registry, but its process is gone";
        }
        return waiting.contains(row.processInstanceId()) ? null
                : "open, but waiting for no task, job or message: stuck";
    }

    /**
     * A letter kind issued (and not superseded) more than once for a case, or a recipient sent a kind
     * more often than the case had reviews (a remand's review sends its own letters).
     */
    private List<String> duplicateLetters(Map<String, Integer> issued) {
        List<String> duplicates = new ArrayList<>();
        issued.forEach((caseAndKind, count) -> {
            if (count > 1) {
                duplicates.add("case id " + caseAndKind + " issued " + count + " times");
            }
        });
        jdbc.sql("""
                select l.case_id, l.kind, r.recipient_role, count(*) from imr_letter_recipient r
                join imr_letter l on l.id = r.letter_id join imr_case c on c.id = l.case_id
                group by l.case_id, l.kind, r.recipient_role, c.review_no
                having count(*) > c.review_no""")
                .query((rs, n) -> duplicates.add("case id " + rs.getLong(1) + "/" + rs.getString(2) + " to "
                        + rs.getString(3) + " " + rs.getInt(4) + " times")).list();
        return duplicates;
    }

    private List<Incident> incidents() {
        return jdbc.sql("select incident_type_, activity_id_, incident_msg_ from act_ru_incident")
                .query((rs, n) -> new Incident(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private Set<String> strings(String sql) {
        return new HashSet<>(jdbc.sql(sql).query(String.class).list());
    }
}
