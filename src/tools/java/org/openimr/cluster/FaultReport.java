package org.openimr.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault test's report and verdict: it fails when a case was lost, a letter issued twice, a
 * case registered twice, an incident is left or a fault could not be injected or recovered from.
 */
final class FaultReport {

    static final Duration RECOVERY_GOAL = Duration.ofSeconds(30);

    private final List<String> lines = new ArrayList<>();
    private final boolean failed;

    FaultReport(String setting, CaseAudit.Result audit, FaultPlan plan, Duration databaseRecovery,
            RequestCounts requests, Duration took) {
        lines.add("Fault test: " + setting);
        lines.add(String.format(Locale.ROOT, "took %d min %02d s", took.toMinutes(), took.toSecondsPart()));
        lines.add("");
        line("cases submitted", audit.submitted(), "");
        line("  answered, case number", audit.acknowledged(), "");
        line("  sent more than once", audit.resent(), "no answer or an error; " + audit.registeredEarlier()
                + " registered by an attempt whose answer was lost, answered 409 with their case number");
        line("  never registered", audit.neverRegistered(), "no node ever answered; nothing was registered");
        line("completed", audit.completed(), audit.completedIssued() + " final determinations issued, "
                + audit.completedIneligible() + " ineligibility notices");
        line("in progress", audit.inProgress(), "waiting at a task, job or message");
        line("lost", audit.lost().size(), "must be 0");
        audit.lost().stream().limit(20).forEach(lost -> lines.add("    " + lost));
        line("duplicate letters", audit.duplicateLetters().size(), "must be 0");
        audit.duplicateLetters().stream().limit(20).forEach(duplicate -> lines.add("    " + duplicate));
        line("duplicate cases", audit.duplicateCases(), "must be 0");
        line("remanded", audit.remanded(), "cases reviewed again after an order set their determination aside");
        line("reviews invoiced once", audit.reviewsInvoiced(), "ended reviews the billing policy bills, each with "
                + "exactly one invoice");
        line("invoice problems", audit.invoiceProblems().size(), "must be 0: an ended review without its invoice, "
                + "or with more than one, or a review invoiced that the policy does not bill or that is under way");
        audit.invoiceProblems().stream().limit(20).forEach(problem -> lines.add("    " + problem));
        line("incidents left", audit.incidents().size(), "each explained or 0");
        audit.incidents().forEach(incident -> lines.add("    " + incident.type() + " at " + incident.activity() + ": "
                + incident.message()));
        line("job runs that failed", audit.failedJobRuns(), "and were run again by a job executor");
        line("jobs failing, retrying", audit.jobsWaitingToRetry(), "a failed job waiting for its next attempt");
        lines.add(String.format(Locale.ROOT, "%-24s %s  (goal: %d s or less, no manual action)",
                "recovery after db restart", databaseRecovery == null ? "not measured" : seconds(databaseRecovery),
                RECOVERY_GOAL.toSeconds()));
        lines.add("");
        lines.add("faults:");
        plan.report().forEach(line -> lines.add("  " + line));
        plan.failures().forEach(line -> lines.add("  FAILED: " + line));
        lines.add(requests.toString());

        failed = !audit.lost().isEmpty() || !audit.duplicateLetters().isEmpty() || audit.duplicateCases() > 0
                || !audit.invoiceProblems().isEmpty() || !audit.incidents().isEmpty() || !plan.failures().isEmpty();
        lines.add("");
        lines.add("RESULT: " + (failed ? "FAILED" : "PASSED"));
    }

    int exitCode() {
        return failed ? 1 : 0;
    }

    void print(Path file) throws IOException {
        lines.forEach(System.out::println);
        Files.write(file, lines);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void line(String what, int count, String note) {
        lines.add(String.format(Locale.ROOT, "%-24s %5d%s", what, count, note.isEmpty() ? "" : "  (" + note + ")"));
    }
}
