package org.openimr.system;

/**
 * A decision table of one input, one rule and one output (ids Expression, Entry, Output), for tests
 * of what a table may hold.
 */
public final class OneRuleTable {

    private OneRuleTable() {
    }

    /**
     * @param entryAttributes written into the input entry's start tag, e.g. {@code expressionLanguage="juel"}
     */
    public static String of(String decisionId, String inputExpression, String inputEntry, String outputEntry,
            String entryAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Tables" name="Tables"
                    namespace="http://openimr.org/test">
                  <decision id="%s" name="Decide" camunda:historyTimeToLive="P1D">
                    <decisionTable id="Table" hitPolicy="COLLECT">
                      <input id="Input" label="x">
                        <inputExpression id="Expression" typeRef="string"><text>%s</text></inputExpression>
                      </input>
                      <output id="Out" name="outcome" typeRef="string"/>
                      <rule id="Rule">
                        <inputEntry id="Entry"%s><text>%s</text></inputEntry>
                        <outputEntry id="Output"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(decisionId, xml(inputExpression), entryAttributes, xml(inputEntry), xml(outputEntry));
    }

    public static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
