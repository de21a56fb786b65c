package org.openimr.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The case's medical records as the sources a clinical fact may cite: a document and a page of it.
 * The records capability keeps the documents and answers here, so that what cites them need not
 * know how they are stored.
 */
public interface CaseDocuments {

    /** The case's documents, in the order the case file lists them. */
    List<SourceDocument> documents(long caseId);

    /** A document of the case; empty when the case has none with this id. */
    default Optional<SourceDocument> document(long caseId, long documentId) {
        return documents(caseId).stream().filter(document -> document.id() == documentId).findFirst();
    }

    /** A document as a source: its title, date of service (null when unknown) and page count. */
    record SourceDocument(long id, String title, LocalDate dateOfService, int pages) {
    }
}
