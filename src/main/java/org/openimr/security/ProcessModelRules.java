package org.openimr.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.openimr.system.ModelProblem;

/**
 * What a process model (BPMN) may contain, checked on the element tree the engine itself parsed:
 * every attribute and every element text of every element, whichever namespace, so that no place
 * the engine evaluates an expression is missed (expressions, conditions, listeners, mappings,
 * fields, timers, multi-instance, assignees, dates, priorities, called elements, message, signal
 * and error names, and any other). A text with {@code ${...}} or {@code #{...}} must pass
 * {@link ModelExpressions}; a delegate expression names a listed delegate; no attribute names a
 * Java class for the engine to load; forms are Camunda Forms; no custom form-field validator; no
 * script ({@link ScriptFreeModels}, which holds also when the operator loosens the rest).
 */
final class ProcessModelRules {

    /**
     * The engine's extension namespaces, with the prefix Modeler gives each: Camunda's, Activiti's
     * (which Camunda still reads) and Operaton's (which the Operaton fork reads beside Camunda's).
     */
    private static final Map<String, String> ENGINE_NAMESPACES = Map.of(
            "http://camunda.org/schema/1.0/bpmn", "camunda:",
            "http://activiti.org/bpmn", "activiti:",
            "http://operaton.org/schema/1.0/bpmn", "operaton:");
    /** The form keys of Camunda Forms, in Camunda and in the Operaton fork. */
    private static final List<String> FORMS_KEYS = List.of("camunda-forms:", "operaton-forms:");

    private final ModelExpressions expressions;

    ProcessModelRules(ModelExpressions expressions) {
        this.expressions = expressions;
    }

    /** A problem and the element it was found on (for its line and column). */
    record Finding(Element element, ModelProblem problem) {
    }

    /** Every problem of the model, each naming its element, attribute and why; empty when it may be deployed. */
    List<Finding> check(Element root) {
        List<Finding> problems = new ArrayList<>();
        check(root, null, problems);
        return problems;
    }

    private void check(Element element, String enclosingId, List<Finding> problems) {
        String id = element.attribute("id") == null || element.attribute("id").isBlank() ? enclosingId
                : element.attribute("id");
        if (ScriptFreeModels.isScript(element)) {
            problems.add(new Finding(element, new ModelProblem(id, element.getTagName(), ScriptFreeModels.REFUSAL)));
            return;
        }
        for (String key : element.attributes()) {
            int colon = key.lastIndexOf(':');
            String namespace = colon < 0 ? null : key.substring(0, colon);
            String name = key.substring(colon + 1);
            String value = element.attribute(key);
            String label = prefix(namespace) + name;
            attributeProblem(namespace, name, value).ifPresent(reason -> problems.add(
                    new Finding(element, ModelProblem.of(id, label, reason, value))));
        }
        if (isEngine(element.getUri()) && "constraint".equals(element.getTagName())
                && "validator".equals(element.attribute("name"))) {
            problems.add(new Finding(element, new ModelProblem(id, prefix(element.getUri()) + "constraint",
                    "names a custom validator, which runs server code")));
        }
        String text = element.getText();
        if (hasExpression(text)) {
            String label = prefix(element.getUri()) + element.getTagName();
            expressions.check(text).ifPresent(reason -> problems.add(
                    new Finding(element, ModelProblem.of(id, label, reason, text))));
        }
        for (Element child : element.elements()) {
            check(child, id, problems);
        }
    }

    private Optional<String> attributeProblem(String namespace, String name, String value) {
        if (name.equals("class") || name.endsWith("Class")) {
            return Optional.of("names a Java class for the engine to load; name one of the application's delegates "
                    + "in camunda:delegateExpression instead");
        }
        if (name.equals("delegateExpression") || name.endsWith("DelegateExpression")) {
            return ModelExpressions.checkDelegate(value);
        }
        if (isEngine(namespace) && name.equals("formKey") && FORMS_KEYS.stream().noneMatch(value::startsWith)) {
            return Optional.of("must name a Camunda Form (" + FORMS_KEYS.get(0) + "... or camunda:formRef): embedded "
                    + "and external forms bring script of their own");
        }
        return hasExpression(value) ? expressions.check(value) : Optional.empty();
    }

    private static boolean isEngine(String namespace) {
        return namespace != null && ENGINE_NAMESPACES.containsKey(namespace);
    }

    /** The prefix to name an attribute or element of the namespace by, as Modeler writes it. */
    private static String prefix(String namespace) {
        return namespace == null ? "" : ENGINE_NAMESPACES.getOrDefault(namespace, "");
    }

    private static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }
}
