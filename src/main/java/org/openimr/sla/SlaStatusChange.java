package org.openimr.sla;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Moves a case to another SLA status and lifts its open tasks' priority with it. */
@Component
class SlaStatusChange {

    private final SlaRecord record;

    SlaStatusChange(SlaRecord record) {
        this.record = record;
    }

    void apply(DelegateExecution execution, SlaStatus status) {
        execution.setVariable(SlaVariables.SLA_STATUS, status.name());
        record.copy(execution);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (task.getPriority() < status.taskPriority()) {
                tasks.setPriority(task.getId(), status.taskPriority());
            }
        }
    }

    static SlaStatus current(DelegateExecution execution) {
        Object status = execution.getVariable(SlaVariables.SLA_STATUS);
        return status == null ? SlaStatus.ON_TRACK : SlaStatus.valueOf(status.toString());
    }
}
