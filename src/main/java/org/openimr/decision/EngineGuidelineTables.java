package org.openimr.decision;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;

/** The latest deployed version of each table, evaluated by the process engine (history recorded). */
final class EngineGuidelineTables implements GuidelineTables {

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;

    EngineGuidelineTables(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    @Override
    public boolean has(String decisionKey) {
        // Asked every time rather than cached: an analyst may deploy a new table while the application runs.
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count() > 0;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
        return decisionService.evaluateDecisionTableByKey(decisionKey).variables(variables).evaluate().getResultList();
    }
}
