package org.openimr.records;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseJoined;
import org.openimr.cases.CaseRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The documents on file with an application joined into an earlier case move with its items, so that
 * the earlier case's reviewer reads and cites them; the earlier case's list of documents received is
 * brought up to date. It does not count as the claims administrator's records arriving: the case
 * goes on waiting for them as it did.
 */
@Component
class JoinedApplicationRecords {

    private final Documents documents;
    private final CaseRegistry registry;
    private final RuntimeService runtimeService;

    JoinedApplicationRecords(Documents documents, CaseRegistry registry, RuntimeService runtimeService) {
        this.documents = documents;
        this.registry = registry;
        this.runtimeService = runtimeService;
    }

    @EventListener
    public void move(CaseJoined joined) {
        if (documents.moveToCase(joined.fromCaseId(), joined.intoCaseId()) == 0) {
            return;
        }
        List<Documents.Document> onFile = documents.forCase(joined.intoCaseId());
        String instance = registry.caseOf(joined.intoCaseNumber()).processInstanceId();
        runtimeService.setVariables(instance, Map.of(
                "receivedDocuments", Documents.describe(joined.intoCaseNumber(), onFile),
                "pagesReceived", onFile.stream().mapToInt(Documents.Document::pages).sum()));
    }
}
