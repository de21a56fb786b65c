package org.openimr.cases;

/** Where a case stands in the registry; every status but OPEN is final. */
public enum CaseStatus {
    OPEN,
    INELIGIBLE,
    WITHDRAWN,
    DETERMINATION_ISSUED
}
