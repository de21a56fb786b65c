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

    static final String REFUSAL = "is a script, and scripts are not allowed in process models: call a Java delegate "
            + "of the application instead";

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        refuseScripts(rootElement);
    }

    /** A script task, a script element, or a formal expression (a condition) in a script language. */
    static boolean isScript(Element element) {
        String tag = element.getTagName();
        return "scriptTask".equals(tag) || "script".equals(tag) || element.attribute("language") != null;
    }

    private static void refuseScripts(Element element) {
        String tag = element.getTagName();
        if (isScript(element)) {
            // Reported as a parse error of the model, so the deployment is refused (400) saying where.
            throw new BpmnParseException("Scripts are not allowed in process models (" + tag
                    + "); call a Java delegate of the application instead", element);
        }
        for (Element child : element.elements()) {
            refuseScripts(child);
        }
    }
}
