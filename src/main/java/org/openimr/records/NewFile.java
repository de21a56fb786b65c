package org.openimr.records;

import java.time.LocalDate;

/**
 * What the sender or intake says of one file of a delivery; the file's format, pages and hash are
 * read from the file itself.
 *
 * @param fileName      the name it was sent under, kept for the people who look for it, never used as a path
 * @param dateOfService the date of the visit or report, when known
 */
record NewFile(String fileName, Sender sender, LocalDate dateReceived, String title, String author,
        LocalDate dateOfService) {
}
