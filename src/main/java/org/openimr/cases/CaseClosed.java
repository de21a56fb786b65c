package org.openimr.cases;

/**
 * Published (within the closing transaction) when a case ends, so that other capabilities can
 * release what they hold for it, such as the reviewer's place in the roster.
 */
public record CaseClosed(long caseId, String caseNumber, CaseStatus status) {
}
