package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Task work through the engine REST API, the requests Tasklist sends. */
final class HttpTaskWork implements TaskWork {

    private final StaffClient staff;

    HttpTaskWork(StaffClient staff) {
        this.staff = staff;
    }

    @Override
    public List<OpenTask> openTasks(String user, String businessKey) {
        List<OpenTask> tasks = new ArrayList<>();
        for (JsonNode task : staff.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey)) {
            tasks.add(new OpenTask(task.get("id").asText(), task.get("taskDefinitionKey").asText(),
                    task.hasNonNull("assignee") ? task.get("assignee").asText() : null));
        }
        return tasks;
    }

    @Override
    public void claim(String user, String taskId) {
        staff.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    }

    @Override
    public JsonNode formVariables(String user, String taskId) {
        return staff.get(user, "/engine-rest/task/" + taskId + "/form-variables");
    }

    @Override
    public void submitForm(String user, String taskId, Map<String, Object> answers) {
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        staff.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }
}
