package org.openimr.cases;

/** Where a case stands in the registry; every status but OPEN is final. */
public enum CaseStatus {
    OPEN,
    INELIGIBLE,
    WITHDRAWN,
    /** Joined into an earlier case of the same employee, physician and date of injury (8 CCR 9792.10.4(a)). */
    CONSOLIDATED,
    DETERMINATION_ISSUED
}
