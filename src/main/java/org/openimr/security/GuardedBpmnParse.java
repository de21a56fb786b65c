package org.openimr.security;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse with the model rules checked first, on a new deployment: a model that
 * breaks them gets every problem reported as a parse error of its resource (400 from the REST API,
 * as Camunda Modeler shows it) and is not parsed further, so none of its expressions reaches the
 * engine. A model already deployed, parsed again into the engine's cache, is left to the run-time
 * resolver ({@link org.openimr.system.ModelCallGuard}): refusing it here would make its running
 * cases unloadable.
 */
final class GuardedBpmnParse extends BpmnParse {

    private final ProcessModelRules rules;

    GuardedBpmnParse(BpmnParser parser, ProcessModelRules rules) {
        super(parser);
        this.rules = rules;
    }

    @Override
    protected void parseRootElement() {
        if (deployment.isNew()) {
            List<ProcessModelRules.Finding> findings = rules.check(rootElement);
            if (!findings.isEmpty()) {
                findings.forEach(this::addError);
                return;
            }
        }
        super.parseRootElement();
    }

    private void addError(ProcessModelRules.Finding finding) {
        String elementId = finding.problem().elementId();
        if (elementId == null || elementId.equals(finding.element().attribute("id"))) {
            addError(finding.problem().getMessage(), finding.element());
        } else {
            addError(finding.problem().getMessage(), finding.element(), elementId);
        }
    }
}
