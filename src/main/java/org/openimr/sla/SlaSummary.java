package org.openimr.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openimr.cases.CaseLabels;

/**
 * The supervisors' view of the deadlines, as GET /api/sla/summary gives it and the Cockpit SLA
 * dashboard shows it.
 *
 * @param processDefinitionId the running case process, for links into Cockpit's instance search
 * @param labels the words for the stage, SLA status and deadline codes ({@link CaseLabels}), so that the
 *     dashboard writes none of its own
 */
public record SlaSummary(
        Instant asOf,
        String processDefinitionId,
        int openCases,
        Map<String, Integer> bySlaStatus,
        List<StageRow> byStage,
        List<CaseAtDeadline> closestToDeadline,
        int lateRecordsPenaltyOpenCases,
        DeterminationAge determinationAge,
        Map<String, Map<String, String>> labels) {

    /** Open cases of one stage by SLA status. */
    public record StageRow(String stage, int onTrack, int atRisk, int breached, int total) {
    }

    /**
     * An open case and the deadline running for it; hoursLeft is negative once it passed.
     * lateRecordsPenalty is what has accrued to now, including days of records still late.
     */
    public record CaseAtDeadline(String caseNumber, String processInstanceId, String stage, String slaStatus,
            String deadline, Instant dueAt, long hoursLeft, boolean expedited, int lateRecordsPenalty) {
    }

    /**
     * Letters issued in the last windowDays days and their average age from receipt of the
     * complete records to the letter (the figure DWC reports), in days.
     */
    public record DeterminationAge(int windowDays, int lettersIssued, Double averageDaysFromCompleteRecordsToLetter,
            int issuedLate) {
    }
}
