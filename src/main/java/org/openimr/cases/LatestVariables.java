package org.openimr.cases;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The latest values of some of a case's variables, read from history: it holds them whether the
 * case is running or ended.
 */
public final class LatestVariables {

    private final Map<String, Object> values = new HashMap<>();

    private LatestVariables() {
    }

    public static LatestVariables of(HistoryService historyService, String processInstanceId, String... names) {
        LatestVariables latest = new LatestVariables();
        if (processInstanceId != null) {
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(processInstanceId).variableNameIn(names).list()) {
                latest.values.put(variable.getName(), variable.getValue());
            }
        }
        return latest;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public Instant instant(String name) {
        return values.get(name) instanceof Date date ? date.toInstant() : null;
    }
}
