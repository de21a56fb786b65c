package org.openimr.intake;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.LatestVariables;
import org.springframework.stereotype.Component;

/** Assembles the case view from the registry and the case process's variables. */
@Component
class CaseViews {

    private static final String[] DEADLINE_VARIABLES = {"recordsDueAt", "recordsCompleteAt", "determinationDueAt",
        "slaStatus"};

    private final CaseRegistry registry;
    private final HistoryService historyService;

    CaseViews(CaseRegistry registry, HistoryService historyService) {
        this.registry = registry;
        this.historyService = historyService;
    }

    CaseView view(String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        LatestVariables variables = LatestVariables.of(historyService, record.processInstanceId(), DEADLINE_VARIABLES);
        CaseView.Deadlines deadlines = new CaseView.Deadlines(variables.instant("recordsDueAt"),
                variables.instant("recordsCompleteAt"), variables.instant("determinationDueAt"),
                (String) variables.get("slaStatus"));
        return new CaseView(record.caseNumber(), record.status(), record.stage(), record.outcome(), record.closeReason(),
                record.channel(), record.expedited(), record.applicationReceivedDate(), record.urDecisionDate(),
                record.createdAt(), record.closedAt(), deadlines,
                registry.items(record.id()).stream().map(CaseViews::item).toList());
    }

    private static CaseView.Item item(StoredItem item) {
        CaseView.Recommendation recommendation = item.recommendedOutcome() == null ? null
                : new CaseView.Recommendation(item.recommendedOutcome(), List.of(item.recommendedRuleIds().split(",")),
                        item.recommendedCitation(), item.recommendedRationale(), item.citationConfidence());
        CaseView.Decision decision = item.decision() == null ? null
                : new CaseView.Decision(item.decision(), item.decisionCitation(), item.decisionRationale(),
                        Boolean.TRUE.equals(item.departsFromRecommendation()), item.decidedBy(), item.decidedAt());
        CaseView.JoinedFrom joinedFrom = item.joinedFrom() == null ? null : new CaseView.JoinedFrom(
                item.joinedFrom().caseNumber(), item.joinedFrom().itemNo(), item.joinedFrom().joinedAt());
        return new CaseView.Item(item.itemNo(), item.requestedTreatment(), item.treatmentCategory(), recommendation,
                decision, joinedFrom);
    }
}
