package org.openimr.cases;

/**
 * Published (within the joining transaction) when an application is joined into an earlier case
 * (8 CCR 9792.10.4(a)), so that what other capabilities hold for it, such as the documents on file,
 * follows its items.
 */
public record CaseJoined(long fromCaseId, String fromCaseNumber, long intoCaseId, String intoCaseNumber) {
}
