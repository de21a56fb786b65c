package org.openimr.system;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a decision table (DMN) may contain, as the engine runs it with legacy FEEL: an input
 * expression is a plain variable name; an input entry is a simple unary test ({@link UnaryTests});
 * an output entry, or a decision's literal expression, is a literal (a literal expression may also
 * be a variable name). No element chooses an expression language other than FEEL (juel,
 * javascript, groovy...), and no text or attribute holds {@code ${...}} or {@code #{...}}: in legacy
 * mode input expressions and output entries are JUEL, and a simple unary test's endpoints are
 * pasted into JUEL, so anything more would reach the server's classes. Checked at deployment and
 * on the tables uploaded to the impact analysis.
 */
public final class DecisionTableRules {

    /** FEEL, as the engine names it: "feel" and the namespaces of DMN 1.1 to 1.5 (the default of every model). */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"|-?[0-9]+(\\.[0-9]+)?|true|false|null");

    private DecisionTableRules() {
    }

    /**
     * Every problem of a DMN model, each naming its element, attribute and why; empty when it may
     * be deployed. Throws Camunda's DmnModelException when the model cannot be read.
     */
    public static List<Problem> check(InputStream model) {
        Document document = (Document) Dmn.readModelFromStream(model).getDocument().getDomSource().getNode();
        List<Problem> problems = new ArrayList<>();
        check(document.getDocumentElement(), null, problems);
        return problems;
    }

    private static void check(Element element, String enclosingId, List<Problem> problems) {
        String id = element.getAttribute("id").isBlank() ? enclosingId : element.getAttribute("id");
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (name.equals("expressionLanguage") && !FEEL.contains(value) && !"feel".equalsIgnoreCase(value)) {
                problems.add(ModelProblem.of(id, attribute.getName(), "chooses an expression language other than "
                        + "FEEL; tables hold plain names, simple unary tests and literals", value));
            } else if (name.equals("inputVariable") && !NAME.matcher(value).matches()) {
                problems.add(ModelProblem.of(id, attribute.getName(), "must be a plain name", value));
            } else if (hasExpression(value)) {
                problems.add(ModelProblem.of(id, attribute.getName(), "holds an expression", value));
            }
        }
        if ("text".equals(element.getLocalName())) {
            String text = element.getTextContent();
            String reason = textProblem(parentName(element), text);
            if (reason != null) {
                problems.add(ModelProblem.of(id, parentName(element) + " text", reason, text));
            }
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                check(childElement, id, problems);
            } else if (hasExpression(child.getNodeValue())) {
                problems.add(ModelProblem.of(id, element.getTagName(), "holds an expression", child.getNodeValue()));
            }
        }
    }

    private static String textProblem(String parent, String text) {
        String value = text.strip();
        if (hasExpression(value)) {
            return "holds an expression";
        }
        return switch (parent) {
            case "inputExpression" -> NAME.matcher(value).matches() ? null
                    : "must be a plain variable name (a field of the item)";
            case "inputEntry" -> UnaryTests.problem(value);
            case "outputEntry" -> value.isEmpty() || LITERAL.matcher(value).matches() ? null
                    : "must be a literal (\"text\", a number, true, false or null)";
            case "literalExpression" -> LITERAL.matcher(value).matches() || NAME.matcher(value).matches() ? null
                    : "must be a literal or a plain variable name";
            default -> null;
        };
    }

    private static String parentName(Element element) {
        Node parent = element.getParentNode();
        return parent instanceof Element parentElement && parentElement.getLocalName() != null
                ? parentElement.getLocalName() : "";
    }

    private static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }
}
