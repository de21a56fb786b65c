package org.openimr.cases;

/** How an application reached the IMR organization. */
public enum Channel {
    /** Submitted electronically through POST /api/cases. */
    API,
    /** A paper application keyed in by intake staff with the Tasklist start form. */
    PAPER
}
