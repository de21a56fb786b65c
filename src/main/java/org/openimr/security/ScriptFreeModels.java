package org.openimr.security;

import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a process model that holds a script (a script task, a script listener, a script in an
 * input or output mapping, or a condition in a script language): scripts run with all the engine's
 * power and no authorization check, and this system has none. Behaviour lives in Java delegates,
 * reviewed and built with the application; analysts deploy models that call them.
 */
class ScriptFreeModels extends AbstractBpmnParseListener {

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        refuseScripts(rootElement);
    }

    private static void refuseScripts(Element element) {
        String tag = element.getTagName();
        // A formal expression (a condition) with a language attribute is a script in that language.
        boolean scripted = "scriptTask".equals(tag) || "script".equals(tag) || element.attribute("language") != null;
        if (scripted) {
            // Reported as a parse error of the model, so the deployment is refused (400) saying where.
            throw new BpmnParseException("Scripts are not allowed in process models (" + tag
                    + "); call a Java delegate of the application instead", element);
        }
        for (Element child : element.elements()) {
            refuseScripts(child);
        }
    }
}
