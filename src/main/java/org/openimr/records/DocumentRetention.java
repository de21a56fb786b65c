package org.openimr.records;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.openimr.system.CaseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a case's documents as long as the case's history and no longer: once Camunda's history
 * cleanup has removed a closed case's process history (its {@code historyTimeToLive}, counted from the
 * case's start), the case's documents, their files and the record of who read them are removed too.
 * Runs daily after the history cleanup window (imr.documents.retention-cron); any node may run it, and
 * two nodes running it at once remove the same rows once.
 */
@Component
class DocumentRetention {

    private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);
    private static final String CASE_PROCESS = "imr-case";
    private static final int BATCH = 500;

    private record Candidate(long caseId, String caseNumber, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transactions;

    DocumentRetention(JdbcClient jdbc, ContentStore store, HistoryService historyService,
            RepositoryService repositoryService, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${imr.documents.retention-cron:0 30 5 * * *}")
    void removeDaily() {
        int removed = removeExpired();
        if (removed > 0) {
            log.info("Documents of {} cases removed with their case history", removed);
        }
    }

    /** Removes the documents of closed cases whose history is gone; answers how many cases'. */
    int removeExpired() {
        Integer historyDays = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CASE_PROCESS).list()
                .stream().map(ProcessDefinition::getHistoryTimeToLive).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
        if (historyDays == null) {
            return 0;
        }
        // No case's history goes before its time to live has passed since it started: older cases only.
        Timestamp startedBefore = Timestamp.from(CaseClock.now().minus(Duration.ofDays(historyDays)));
        List<Candidate> candidates = jdbc.sql("""
                select c.id, c.case_number, c.process_instance_id from imr_case c
                where c.status <> 'OPEN' and c.created_at < ?
                  and exists (select 1 from imr_document d where d.case_id = c.id)
                order by c.created_at""")
                .param(startedBefore).query((rs, rowNum) -> new Candidate(rs.getLong(1), rs.getString(2),
                        rs.getString(3)))
                .list();
        int removed = 0;
        for (Candidate candidate : candidates.subList(0, Math.min(BATCH, candidates.size()))) {
            boolean historyGone = candidate.processInstanceId() == null || historyService
                    .createHistoricProcessInstanceQuery().processInstanceId(candidate.processInstanceId()).count() == 0;
            if (historyGone) {
                remove(candidate);
                removed++;
            }
        }
        return removed;
    }

    private void remove(Candidate candidate) {
        transactions.executeWithoutResult(status -> {
            List<String> keys = jdbc.sql("select storage_key from imr_document_content where case_id = ?")
                    .param(candidate.caseId()).query(String.class).list();
            jdbc.sql("delete from imr_document_access where case_id = ?").param(candidate.caseId()).update();
            jdbc.sql("delete from imr_document where case_id = ?").param(candidate.caseId()).update();
            jdbc.sql("delete from imr_document_content where case_id = ?").param(candidate.caseId()).update();
            keys.forEach(store::delete);
        });
        log.info("Case {}: documents removed with the case's history", candidate.caseNumber());
    }
}
