package org.openimr.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents are kept as long as the case's history: a closed case whose process history Camunda's
 * cleanup removed loses its documents, their files and the record of who read them; a closed case whose
 * history is still there keeps them, however old it is.
 */
class DocumentRetentionTest extends CaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService historyService;

    @Autowired
    DocumentRetention retention;

    @Test
    void documentsGoWithTheCaseHistoryAndNotBefore() {
        String expired = closedCaseWithADocument();
        String kept = closedCaseWithADocument();
        String expiredKey = storageKey(expired);
        historyService.deleteHistoricProcessInstance(cases.processInstanceId(expired));

        retention.removeExpired();

        assertThat(rows(expired, expiredKey)).containsExactly(0L, 0L, 0L, 0L);
        assertThat(rows(kept, storageKey(kept))).containsExactly(1L, 1L, 1L, 1L);
    }

    /** A case withdrawn after a delivery and one download, started eleven years ago. */
    private String closedCaseWithADocument() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        long documentId = new DeliveryClient(http("intake1", "demo")).deliver(caseNumber, List.of(
                DeliveryClient.Sent.of("report.pdf", TestDocuments.pdf(1, caseNumber), "Progress report")))
                .body().at("/files/0/documentId").asLong();
        http("supervisor1", "demo").get().uri("/api/cases/{n}/documents/{d}/content", caseNumber, documentId)
                .retrieve().toBodilessEntity();
        context.getBean(Withdrawals.class).withdraw(caseNumber,
                new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
        jdbc.sql("update imr_case set created_at = created_at - interval '4015' day where case_number = ?")
                .param(caseNumber).update();
        return caseNumber;
    }

    private String storageKey(String caseNumber) {
        return jdbc.sql("select storage_key from imr_document_content where case_id = ?")
                .param(cases.caseRecord(caseNumber).id()).query(String.class).single();
    }

    /** The case's documents, contents, content chunks and access rows. */
    private List<Long> rows(String caseNumber, String storageKey) {
        long caseId = cases.caseRecord(caseNumber).id();
        return List.of(
                count("select count(*) from imr_document where case_id = ?", caseId),
                count("select count(*) from imr_document_content where case_id = ?", caseId),
                jdbc.sql("select count(*) from imr_content_chunk where storage_key = ?").param(storageKey)
                        .query(Long.class).single(),
                count("select count(*) from imr_document_access where case_id = ?", caseId));
    }

    private long count(String sql, long caseId) {
        return jdbc.sql(sql).param(caseId).query(Long.class).single();
    }
}
