package org.openimr.records;

import java.util.List;
import org.openimr.cases.CaseDocuments;
import org.springframework.stereotype.Component;

/** The stored documents of a case as the sources of its clinical facts. */
@Component
class CaseDocumentSources implements CaseDocuments {

    private final Documents documents;

    CaseDocumentSources(Documents documents) {
        this.documents = documents;
    }

    @Override
    public List<SourceDocument> documents(long caseId) {
        return documents.forCase(caseId).stream().map(document -> new SourceDocument(document.id(),
                document.title(), document.documentDate(), document.pages())).toList();
    }
}
