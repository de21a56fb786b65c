package org.openimr.sla;

/**
 * Names of the deadline variables of the case process. They are flat values (dates as
 * java.util.Date) so that Cockpit's instance search can filter on them and Tasklist can show them.
 */
public final class SlaVariables {

    /** ON_TRACK, AT_RISK or BREACHED: the state of the deadline running now ({@link #SLA_DEADLINE}). */
    public static final String SLA_STATUS = "slaStatus";
    /**
     * SCREENING while staff screen an application with findings, INFORMATION while a party owes the
     * information screening asked for, LIABILITY while it is deferred for a liability dispute, RECORDS while the claims administrator owes the records, DETERMINATION once
     * they are in.
     */
    public static final String SLA_DEADLINE = "slaDeadline";
    /** When the deadline running now falls due: the one date to sort and filter cases by. */
    public static final String SLA_DUE_AT = "slaDueAt";
    /** The case's deadline as Tasklist's list shows it, in California time ("December 11, 2026, 11:59 PM"). */
    public static final String SLA_DUE_AT_TEXT = "slaDueAtText";

    public static final String SCREENING_DUE_AT = "screeningDueAt";
    public static final String INFORMATION_DUE_AT = "informationDueAt";
    public static final String ELIGIBLE_AT = "eligibleAt";
    public static final String NOTICE_OF_ASSIGNMENT_DUE_AT = "noticeOfAssignmentDueAt";
    public static final String RECORDS_DUE_AT = "recordsDueAt";
    public static final String RECORDS_RECEIVED_AT = "recordsReceivedAt";
    public static final String RECORDS_COMPLETE_AT = "recordsCompleteAt";
    public static final String RECORDS_DAYS_LATE = "recordsDaysLate";
    public static final String LATE_RECORDS_PENALTY = "lateRecordsPenalty";
    public static final String DETERMINATION_DUE_AT = "determinationDueAt";
    public static final String DETERMINATION_AT_RISK_AT = "determinationAtRiskAt";
    public static final String DETERMINATION_ISSUED_AT = "determinationIssuedAt";
    public static final String DETERMINATION_LATE = "determinationLate";
    public static final String EXPEDITED_SINCE = "expeditedSince";
    public static final String PHYSICIAN_CERTIFICATION_DATE = "physicianCertificationDate";

    public static final String SCREENING = "SCREENING";
    /** A party owes the information screening asked for (D2). */
    public static final String INFORMATION = "INFORMATION";
    /** A case deferred for a liability dispute: no deadline runs until the determination is recorded. */
    public static final String LIABILITY = "LIABILITY";
    public static final String RECORDS = "RECORDS";
    public static final String DETERMINATION = "DETERMINATION";

    private SlaVariables() {
    }
}
