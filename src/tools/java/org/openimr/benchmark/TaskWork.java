package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What staff do with a case's open tasks, each as a named user: over the HTTP API as Tasklist does
 * ({@link HttpTaskWork}), or through the engine's Java API in this JVM ({@link EngineTaskWork}), which
 * leaves out HTTP, the REST layer and the request filters to show what they cost.
 */
interface TaskWork {

    /** An open task as the driver needs it; {@code assignee} is null for a candidate-group task. */
    record OpenTask(String id, String definitionKey, String assignee) {
    }

    List<OpenTask> openTasks(String user, String businessKey);

    void claim(String user, String taskId);

    /** The task's form variables as the engine REST API gives them: {"name": {"value": ...}}. */
    JsonNode formVariables(String user, String taskId);

    void submitForm(String user, String taskId, Map<String, Object> answers);
}
