package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;

/**
 * Task work through the engine's Java API in this JVM, each call authenticated on the engine as the
 * user with their groups, so that the same authorization checks apply as over REST; no HTTP, no REST
 * layer, no request filters (authentication, the form guard).
 */
final class EngineTaskWork implements TaskWork {

    private final ProcessEngine engine;
    private final IdentityService identity;
    /** A user's groups, read once: an in-process caller holds them from its own login. */
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    EngineTaskWork(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    ProcessEngine engine() {
        return engine;
    }

    /** Runs {@code call} authenticated on the engine as {@code user}. */
    <T> T as(String user, Supplier<T> call) {
        identity.setAuthentication(user, groups.computeIfAbsent(user,
                id -> identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList()));
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    public List<OpenTask> openTasks(String user, String businessKey) {
        // With their form keys, as the REST API's task list and any task list built on the engine give them.
        return as(user, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .initializeFormKeys().list())
                .stream().map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee()))
                .toList();
    }

    @Override
    public void claim(String user, String taskId) {
        as(user, () -> {
            engine.getTaskService().claim(taskId, user);
            return null;
        });
    }

    @Override
    public JsonNode formVariables(String user, String taskId) {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        as(user, () -> engine.getFormService().getTaskFormVariables(taskId))
                .forEach((name, value) -> variables.putObject(name).putPOJO("value", value));
        return variables;
    }

    @Override
    public void submitForm(String user, String taskId, Map<String, Object> answers) {
        as(user, () -> {
            engine.getFormService().submitTaskForm(taskId, answers);
            return null;
        });
    }
}
