package org.openimr.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Engine settings that belong to least privilege, kept in code rather than in configuration
 * because none of them is meant to be turned off:
 * <ul>
 * <li>A task's assignee and candidate groups get TASK_WORK, not Camunda's default UPDATE: they may
 * claim and complete it (with its form), but not set its variables one by one, nor move its due
 * date, priority or follow-up date, which carry the case's statutory deadlines.
 * <li>Whoever deploys gets READ on the deployment, not Camunda's default READ and DELETE: deleting
 * a deployment with cascade removes the running cases started from it.
 * <li>A candidate group whose role reads the task already (supervisors: every task; intake: the
 * tasks of the IMR case) gets TASK_WORK on it, not READ and TASK_WORK: a per-task READ it holds
 * anyway would make each of its task queries join every open task of the group with every such
 * grant, so that the group's task list slows down as the backlog grows (docs/benchmark.md, Backlog).
 * <li>Variables of type Object are deserialized only into types the engine allows (Camunda's
 * type validation): a client of the REST API cannot name a class for the engine to instantiate.
 * <li>Models with scripts are refused ({@link ScriptFreeModels}); what else a model may contain is
 * {@link ModelGuardPlugin}'s.
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        configuration.setResourceAuthorizationProvider(new LeastPrivilegeAuthorizations());
        configuration.setDeserializationTypeValidationEnabled(true);
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ScriptFreeModels());
    }

    /**
     * Camunda's default authorizations, except that a deployer may read their deployment but not
     * delete it, and a group reading a task by its role gets no per-task READ.
     */
    static final class LeastPrivilegeAuthorizations extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
            if (grants != null && RoleGrants.readsTasksOf(groupId, processKey(task))) {
                for (AuthorizationEntity grant : grants) {
                    if (grant.getResourceType() == Resources.TASK.resourceType()) {
                        grant.removePermission(Permissions.READ);
                    }
                }
            }
            return grants;
        }

        private static String processKey(Task task) {
            ProcessDefinitionEntity definition = task instanceof TaskEntity entity ? entity.getProcessDefinition() : null;
            return definition == null ? null : definition.getKey();
        }

        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            Authentication current = Context.getProcessEngineConfiguration().getIdentityService()
                    .getCurrentAuthentication();
            if (current == null || current.getUserId() == null) {
                return null;
            }
            return new AuthorizationEntity[] {createGrantAuthorization(current.getUserId(), null, Resources.DEPLOYMENT,
                    deployment.getId(), Permissions.READ)};
        }
    }
}
