package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.LatestVariables;
import org.springframework.stereotype.Component;

/**
 * The deadlines of one case as its process variables hold them; a formulary dispute (every item a
 * formulary drug) has its determination due in 5 working days instead of 30 days.
 */
@Component
class CaseDeadlines {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String caseNumber, boolean expedited, boolean formularyDispute, String slaStatus, String slaDeadline,
            Instant slaDueAt, Instant screeningDueAt, Instant informationDueAt, Instant noticeOfAssignmentDueAt, Instant recordsDueAt,
            Instant recordsReceivedAt, Instant determinationAtRiskAt, Instant determinationDueAt,
            Integer lateRecordsPenalty) {
    }

    private static final String[] NAMES = {CaseVariables.FORMULARY_DISPUTE, SLA_STATUS, SLA_DEADLINE, SLA_DUE_AT,
        SCREENING_DUE_AT, INFORMATION_DUE_AT, NOTICE_OF_ASSIGNMENT_DUE_AT, RECORDS_DUE_AT, RECORDS_RECEIVED_AT, DETERMINATION_AT_RISK_AT,
        DETERMINATION_DUE_AT, LATE_RECORDS_PENALTY};

    private final CaseRegistry registry;
    private final HistoryService historyService;

    CaseDeadlines(CaseRegistry registry, HistoryService historyService) {
        this.registry = registry;
        this.historyService = historyService;
    }

    View view(String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        LatestVariables values = LatestVariables.of(historyService, record.processInstanceId(), NAMES);
        return new View(caseNumber, record.expedited(), Boolean.TRUE.equals(values.get(CaseVariables.FORMULARY_DISPUTE)),
                (String) values.get(SLA_STATUS), (String) values.get(SLA_DEADLINE), values.instant(SLA_DUE_AT),
                values.instant(SCREENING_DUE_AT), values.instant(INFORMATION_DUE_AT), values.instant(NOTICE_OF_ASSIGNMENT_DUE_AT),
                values.instant(RECORDS_DUE_AT), values.instant(RECORDS_RECEIVED_AT),
                values.instant(DETERMINATION_AT_RISK_AT), values.instant(DETERMINATION_DUE_AT),
                (Integer) values.get(LATE_RECORDS_PENALTY));
    }
}
