package org.openimr.letter;

import java.time.Instant;

/** A version of a letter as stored with its case (without the PDF bytes). */
public record StoredLetter(long id, long caseId, String kind, int version, String status, Instant createdAt,
        String createdBy, String reviewNote) {
}
