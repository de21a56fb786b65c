package org.openimr.security;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.xml.ModelException;
import org.openimr.system.DecisionTableRules;
import org.openimr.system.ModelProblem;

/**
 * Runs before the engine's own deployers on every new deployment, whoever makes it (the
 * application at start-up, an analyst or an administrator from Camunda Modeler): a deployment
 * holds process models, decision tables and Camunda Forms, nothing else (no CMMN, HTML or script
 * for a browser or the engine to run), and its tables and forms keep to their rules. Process
 * models are checked as the engine parses them ({@link GuardedBpmnParse}).
 */
final class ModelDeploymentGuard implements Deployer {

    private static final List<String> PROCESSES = List.of(".bpmn", ".bpmn20.xml");
    private static final List<String> DECISIONS = List.of(".dmn", ".dmn11.xml");
    private static final String FORMS = ".form";

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Problem> found = check(resource.getName(), resource.getBytes());
            if (!found.isEmpty()) {
                problems.put(resource.getName(), found);
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedModels(problems);
        }
    }

    private static List<Problem> check(String name, byte[] content) {
        if (DECISIONS.stream().anyMatch(name::endsWith)) {
            try {
                return DecisionTableRules.check(new ByteArrayInputStream(content));
            } catch (ModelException unreadable) {
                return List.of(new ModelProblem(null, "resource", "is not a readable DMN model"));
            }
        }
        if (name.endsWith(FORMS)) {
            return FormContentRules.check(content);
        }
        if (PROCESSES.stream().anyMatch(name::endsWith)) {
            return List.of();
        }
        return List.of(new ModelProblem(null, "resource", "is not a process model (.bpmn), a decision table (.dmn) "
                + "or a Camunda Form (.form), the only resources a deployment may hold"));
    }
}
