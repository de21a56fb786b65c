package org.openimr.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The latest deployed version of each table, evaluated by the process engine (history recorded).
 * The latest version is asked for at every use rather than cached: an analyst may deploy a new
 * table while the application runs. One query finds it, or finds there is none; the table is
 * then evaluated by its id, which the engine's deployment cache answers without another query.
 */
final class EngineGuidelineTables implements GuidelineTables {

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;
    /** A deployed version never changes: its columns are read from its model once. */
    private final Map<String, List<TableColumn>> columns = new ConcurrentHashMap<>();

    EngineGuidelineTables(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    @Override
    public Optional<Table> table(String decisionKey) {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        return Optional.ofNullable(latest).map(definition -> GuidelineTables.table(variables -> decisionService
                .evaluateDecisionTableById(definition.getId()).variables(variables).evaluate().getResultList(),
                () -> columns.computeIfAbsent(definition.getId(), id -> TableColumn.of(
                        repositoryService.getDmnModelInstance(id), decisionKey))));
    }
}
