package org.openimr.security;

import static org.openimr.system.OneRuleTable.xml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Models an analyst (or an administrator) might deploy to run code on the server or script in a
 * staff browser, each with the element and attribute its refusal must name: process models
 * generated across every place the engine evaluates an expression, with payloads that would run
 * {@code touch <canary>} on the server; hand-written subtle ones (nested calls, strings building a
 * class name, bean methods outside the list, markers hidden by escapes and entities); decision
 * tables with JUEL in input expressions, input entries and output entries; forms with HTML and
 * script. Each process model starts with a timer that is already due, so that, were it accepted,
 * the job executor would run it at once.
 */
final class HostileModels {

    /** One model: its resource name and content, and the element id and attribute its refusal names. */
    record Model(String description, String resource, byte[] content, String elementId, String attribute) {

        boolean isDecisionTable() {
            return resource.endsWith(".dmn");
        }

        @Override
        public String toString() {
            return resource + " (" + description + ")";
        }
    }

    /** Where a payload goes in a process model: the XML around it, and the element and attribute holding it. */
    private record Location(String name, String elementId, String attribute, Function<String, String> process) {
    }

    private final String canary;
    private final List<Model> models = new ArrayList<>();

    private HostileModels(Path canary) {
        this.canary = canary.toAbsolutePath().toString();
    }

    /** Every hostile model, numbered in order. */
    static List<Model> all(Path canary) {
        HostileModels corpus = new HostileModels(canary);
        corpus.generatedProcesses();
        corpus.classNames();
        corpus.subtleProcesses();
        corpus.decisionTables();
        corpus.forms();
        corpus.resources();
        return corpus.models;
    }

    /** The payload that runs {@code touch <canary>}; evaluated by plain JUEL it does (see the corpus test). */
    static String runtimeExec(String canary) {
        return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + canary + "')}";
    }

    private List<String> payloads() {
        String touch = "exec('touch " + canary + "')";
        return List.of(
                runtimeExec(canary),
                "${execution.getClass().getClassLoader().loadClass('java.lang.Runtime').getMethod('getRuntime')"
                        + ".invoke(null)." + touch + "}",
                "#{slaClock.getClass().forName('java.lang.ProcessBuilder').getConstructors()[0]}");
    }

    // ---------------------------------------------------------------------------- process models

    private void generatedProcesses() {
        List<String> payloads = payloads();
        for (Location location : locations()) {
            for (int i = 0; i < payloads.size(); i++) {
                process(location.name() + ", payload " + (i + 1), location.elementId(), location.attribute(),
                        location.process().apply(xml(payloads.get(i))));
            }
        }
    }

    private static List<Location> locations() {
        List<Location> locations = new ArrayList<>();
        locations.add(new Location("service task expression", "Target", "camunda:expression",
                p -> around("<serviceTask id=\"Target\" camunda:expression=\"" + p + "\"/>")));
        locations.add(new Location("service task delegate expression", "Target", "camunda:delegateExpression",
                p -> around("<serviceTask id=\"Target\" camunda:delegateExpression=\"" + p + "\"/>")));
        locations.add(new Location("send task expression", "Target", "camunda:expression",
                p -> around("<sendTask id=\"Target\" camunda:expression=\"" + p + "\"/>")));
        locations.add(new Location("business rule task decision reference", "Target", "camunda:decisionRef",
                p -> around("<businessRuleTask id=\"Target\" camunda:decisionRef=\"" + p + "\"/>")));
        locations.add(new Location("called element", "Target", "calledElement",
                p -> around("<callActivity id=\"Target\" calledElement=\"" + p + "\"/>")));
        locations.add(new Location("call activity input", "Target", "sourceExpression",
                p -> around("<callActivity id=\"Target\" calledElement=\"other\"><extensionElements>"
                        + "<camunda:in sourceExpression=\"" + p + "\" target=\"x\"/></extensionElements>"
                        + "</callActivity>")));
        locations.add(new Location("call activity output", "Target", "sourceExpression",
                p -> around("<callActivity id=\"Target\" calledElement=\"other\"><extensionElements>"
                        + "<camunda:out sourceExpression=\"" + p + "\" target=\"x\"/></extensionElements>"
                        + "</callActivity>")));
        locations.add(new Location("call activity business key", "Target", "businessKey",
                p -> around("<callActivity id=\"Target\" calledElement=\"other\"><extensionElements>"
                        + "<camunda:in businessKey=\"" + p + "\"/></extensionElements></callActivity>")));
        locations.add(new Location("variable mapping delegate", "Target", "camunda:variableMappingDelegateExpression",
                p -> around("<callActivity id=\"Target\" calledElement=\"other\" "
                        + "camunda:variableMappingDelegateExpression=\"" + p + "\"/>")));
        locations.add(new Location("sequence flow condition", "Guarded", "conditionExpression",
                p -> guarded("<conditionExpression xsi:type=\"tFormalExpression\">" + p + "</conditionExpression>")));
        locations.add(new Location("completion condition", "Target", "completionCondition",
                p -> around("<userTask id=\"Target\"><multiInstanceLoopCharacteristics><loopCardinality>2"
                        + "</loopCardinality><completionCondition>" + p + "</completionCondition>"
                        + "</multiInstanceLoopCharacteristics></userTask>")));
        locations.add(new Location("loop cardinality", "Target", "loopCardinality",
                p -> around("<userTask id=\"Target\"><multiInstanceLoopCharacteristics><loopCardinality>" + p
                        + "</loopCardinality></multiInstanceLoopCharacteristics></userTask>")));
        locations.add(new Location("multi-instance collection", "Target", "camunda:collection",
                p -> around("<userTask id=\"Target\"><multiInstanceLoopCharacteristics camunda:collection=\"" + p
                        + "\" camunda:elementVariable=\"item\"/></userTask>")));
        locations.add(new Location("execution listener expression", "Target", "expression",
                p -> around("<task id=\"Target\"><extensionElements><camunda:executionListener event=\"start\" "
                        + "expression=\"" + p + "\"/></extensionElements></task>")));
        locations.add(new Location("execution listener delegate", "Target", "delegateExpression",
                p -> around("<task id=\"Target\"><extensionElements><camunda:executionListener event=\"end\" "
                        + "delegateExpression=\"" + p + "\"/></extensionElements></task>")));
        locations.add(new Location("task listener expression", "Target", "expression",
                p -> around("<userTask id=\"Target\"><extensionElements><camunda:taskListener event=\"create\" "
                        + "expression=\"" + p + "\"/></extensionElements></userTask>")));
        locations.add(new Location("task listener delegate", "Target", "delegateExpression",
                p -> around("<userTask id=\"Target\"><extensionElements><camunda:taskListener event=\"create\" "
                        + "delegateExpression=\"" + p + "\"/></extensionElements></userTask>")));
        locations.add(new Location("input mapping", "Target", "camunda:inputParameter",
                p -> around("<task id=\"Target\"><extensionElements><camunda:inputOutput><camunda:inputParameter "
                        + "name=\"x\">" + p + "</camunda:inputParameter></camunda:inputOutput></extensionElements>"
                        + "</task>")));
        locations.add(new Location("output mapping", "Target", "camunda:outputParameter",
                p -> around("<task id=\"Target\"><extensionElements><camunda:inputOutput><camunda:outputParameter "
                        + "name=\"x\">" + p + "</camunda:outputParameter></camunda:inputOutput></extensionElements>"
                        + "</task>")));
        locations.add(new Location("list in a mapping", "Target", "camunda:value",
                p -> around("<task id=\"Target\"><extensionElements><camunda:inputOutput><camunda:inputParameter "
                        + "name=\"x\"><camunda:list><camunda:value>" + p + "</camunda:value></camunda:list>"
                        + "</camunda:inputParameter></camunda:inputOutput></extensionElements></task>")));
        locations.add(new Location("field injection attribute", "Target", "expression",
                p -> around("<serviceTask id=\"Target\" camunda:delegateExpression=\"${registerApplication}\">"
                        + "<extensionElements><camunda:field name=\"x\" expression=\"" + p + "\"/></extensionElements>"
                        + "</serviceTask>")));
        locations.add(new Location("field injection element", "Target", "camunda:expression",
                p -> around("<serviceTask id=\"Target\" camunda:delegateExpression=\"${registerApplication}\">"
                        + "<extensionElements><camunda:field name=\"x\"><camunda:expression>" + p
                        + "</camunda:expression></camunda:field></extensionElements></serviceTask>")));
        locations.add(new Location("timer start date", "Start", "timeDate",
                p -> around("<task id=\"Target\"/>").replace("<timeDate>2000-01-01T00:00:00</timeDate>",
                        "<timeDate>" + p + "</timeDate>")));
        locations.add(new Location("timer start cycle", "Start", "timeCycle",
                p -> around("<task id=\"Target\"/>").replace("<timeDate>2000-01-01T00:00:00</timeDate>",
                        "<timeCycle>" + p + "</timeCycle>")));
        locations.add(new Location("intermediate timer duration", "Target", "timeDuration",
                p -> around("<intermediateCatchEvent id=\"Target\"><timerEventDefinition><timeDuration>" + p
                        + "</timeDuration></timerEventDefinition></intermediateCatchEvent>")));
        locations.add(new Location("boundary timer date", "Timeout", "timeDate",
                p -> around("<userTask id=\"Target\"/><boundaryEvent id=\"Timeout\" attachedToRef=\"Target\">"
                        + "<timerEventDefinition><timeDate>" + p + "</timeDate></timerEventDefinition>"
                        + "</boundaryEvent>")));
        locations.add(new Location("assignee", "Target", "camunda:assignee",
                p -> around("<userTask id=\"Target\" camunda:assignee=\"" + p + "\"/>")));
        locations.add(new Location("candidate users", "Target", "camunda:candidateUsers",
                p -> around("<userTask id=\"Target\" camunda:candidateUsers=\"" + p + "\"/>")));
        locations.add(new Location("candidate groups", "Target", "camunda:candidateGroups",
                p -> around("<userTask id=\"Target\" camunda:candidateGroups=\"" + p + "\"/>")));
        locations.add(new Location("due date", "Target", "camunda:dueDate",
                p -> around("<userTask id=\"Target\" camunda:dueDate=\"" + p + "\"/>")));
        locations.add(new Location("follow-up date", "Target", "camunda:followUpDate",
                p -> around("<userTask id=\"Target\" camunda:followUpDate=\"" + p + "\"/>")));
        locations.add(new Location("task priority", "Target", "camunda:priority",
                p -> around("<userTask id=\"Target\" camunda:priority=\"" + p + "\"/>")));
        locations.add(new Location("form reference", "Target", "camunda:formRef",
                p -> around("<userTask id=\"Target\" camunda:formRef=\"" + p
                        + "\" camunda:formRefBinding=\"latest\"/>")));
        locations.add(new Location("form field default", "Amount", "defaultValue",
                p -> around("<userTask id=\"Target\"><extensionElements><camunda:formData><camunda:formField "
                        + "id=\"Amount\" type=\"string\" defaultValue=\"" + p + "\"/></camunda:formData>"
                        + "</extensionElements></userTask>")));
        locations.add(new Location("job priority", "Target", "camunda:jobPriority",
                p -> around("<serviceTask id=\"Target\" camunda:asyncBefore=\"true\" camunda:jobPriority=\"" + p
                        + "\" camunda:delegateExpression=\"${registerApplication}\"/>")));
        locations.add(new Location("external task topic", "Target", "camunda:topic",
                p -> around("<serviceTask id=\"Target\" camunda:type=\"external\" camunda:topic=\"" + p + "\"/>")));
        locations.add(new Location("external task priority", "Target", "camunda:taskPriority",
                p -> around("<serviceTask id=\"Target\" camunda:type=\"external\" camunda:topic=\"t\" "
                        + "camunda:taskPriority=\"" + p + "\"/>")));
        locations.add(new Location("external task error", "Failure", "expression",
                p -> around("<serviceTask id=\"Target\" camunda:type=\"external\" camunda:topic=\"t\">"
                        + "<extensionElements><camunda:errorEventDefinition id=\"Failure\" errorRef=\"Error\" "
                        + "expression=\"" + p + "\"/></extensionElements></serviceTask>", "<error id=\"Error\" "
                        + "errorCode=\"failed\"/>")));
        locations.add(new Location("retry cycle", "Target", "camunda:failedJobRetryTimeCycle",
                p -> around("<serviceTask id=\"Target\" camunda:asyncBefore=\"true\" "
                        + "camunda:delegateExpression=\"${registerApplication}\"><extensionElements>"
                        + "<camunda:failedJobRetryTimeCycle>" + p + "</camunda:failedJobRetryTimeCycle>"
                        + "</extensionElements></serviceTask>")));
        locations.add(new Location("conditional event", "Target", "condition",
                p -> around("<intermediateCatchEvent id=\"Target\"><conditionalEventDefinition>"
                        + "<condition xsi:type=\"tFormalExpression\">" + p + "</condition>"
                        + "</conditionalEventDefinition></intermediateCatchEvent>")));
        locations.add(new Location("message name", "Message", "name",
                p -> around("<receiveTask id=\"Target\" messageRef=\"Message\"/>",
                        "<message id=\"Message\" name=\"" + p + "\"/>")));
        locations.add(new Location("signal name", "Signal", "name",
                p -> around("<intermediateCatchEvent id=\"Target\"><signalEventDefinition signalRef=\"Signal\"/>"
                        + "</intermediateCatchEvent>", "<signal id=\"Signal\" name=\"" + p + "\"/>")));
        locations.add(new Location("error code", "Error", "errorCode",
                p -> around("<intermediateThrowEvent id=\"Target\"/>", "<error id=\"Error\" errorCode=\"" + p
                        + "\"/>").replace("<endEvent id=\"End\"/>", "<endEvent id=\"End\"><errorEventDefinition "
                        + "errorRef=\"Error\"/></endEvent>")));
        locations.add(new Location("escalation code", "Escalation", "escalationCode",
                p -> around("<intermediateThrowEvent id=\"Target\"><escalationEventDefinition "
                        + "escalationRef=\"Escalation\"/></intermediateThrowEvent>", "<escalation id=\"Escalation\" "
                        + "escalationCode=\"" + p + "\"/>")));
        locations.add(new Location("process starter users", PROCESS, "camunda:candidateStarterUsers",
                p -> around("<task id=\"Target\"/>").replace(PROCESS_ATTRIBUTES, PROCESS_ATTRIBUTES
                        + " camunda:candidateStarterUsers=\"" + p + "\"")));
        return locations;
    }

    private void classNames() {
        process("service task class", "Target", "camunda:class",
                around("<serviceTask id=\"Target\" camunda:class=\"java.lang.Runtime\"/>"));
        process("execution listener class", "Target", "class",
                around("<task id=\"Target\"><extensionElements><camunda:executionListener event=\"start\" "
                        + "class=\"org.springframework.util.FileSystemUtils\"/></extensionElements></task>"));
        process("task listener class", "Target", "class",
                around("<userTask id=\"Target\"><extensionElements><camunda:taskListener event=\"create\" "
                        + "class=\"javax.script.ScriptEngineManager\"/></extensionElements></userTask>"));
        process("form handler class", "Target", "camunda:formHandlerClass",
                around("<userTask id=\"Target\" camunda:formHandlerClass=\"java.lang.ProcessBuilder\"/>"));
        process("variable mapping class", "Target", "camunda:variableMappingClass",
                around("<callActivity id=\"Target\" calledElement=\"other\" "
                        + "camunda:variableMappingClass=\"java.lang.Thread\"/>"));
        process("message event class", "Target", "camunda:class",
                around("<intermediateThrowEvent id=\"Target\"><messageEventDefinition "
                        + "camunda:class=\"java.lang.Runtime\"/></intermediateThrowEvent>"));
        process("class name built in an expression", "Target", "camunda:class",
                around("<serviceTask id=\"Target\" camunda:class=\"java.lang.${'Run'}time\"/>"));
    }

    private void subtleProcesses() {
        String touch = "exec('touch " + canary + "')";
        subtle("a call nested in a listed call", "${caseStage.enter(execution, ''.getClass().getName())}");
        subtle("a class name built by concatenation",
                "${execution.getVariable('x').getClass().forName(''.concat('java.lang.').concat('Runtime'))}");
        subtle("EL 3 string concatenation", "${caseStage.enter(execution, 'java.lang.' += 'Runtime')}");
        subtle("the class read as a property", "${execution.class.classLoader}");
        subtle("the class read by index", "${execution['class'].forName('java.lang.Runtime')}");
        subtle("a variable's class by index", "${items['class']}");
        subtle("a bean of the server outside the list", "${runtimeService.deleteProcessInstance('x', 'y')}");
        subtle("the process engine bean", "${processEngine.getManagementService()}");
        subtle("a listed bean's method outside its list", "${formAnswers.toString()}");
        subtle("a listed bean's property", "${slaTasks.deadlines}");
        subtle("a delegate called as a bean", "${registerApplication.execute(execution)}");
        subtle("the execution's engine services", "${execution.processEngineServices.runtimeService}");
        subtle("the engine through the task", "${task.execution.processEngine}");
        subtle("a method on a literal", "${'x'.getClass()}");
        subtle("a method on a parenthesised value", "${(1).getClass()}");
        subtle("a method on a function's result", "${now().getClass().forName('java.lang.Runtime')}");
        subtle("a method on the current user", "${currentUser().getClass()}");
        subtle("dateTime() leading to its class", "${dateTime().getClass().getClassLoader()}");
        subtle("a function with a prefix", "${fn:forName('java.lang.Runtime')}");
        subtle("a call hidden in a ternary", "${true ? 1 : ''.getClass().forName('java.lang.Runtime')." + touch + "}");
        subtle("an escaped marker hiding a real one", "\\${ 'x } ${''.getClass()} ' }");
        subtle("a backslash escape in a string", "${execution.getVariable('a\\'b')}");
        subtle("a dollar in a name", "${exe$cution.getClass()}");
        subtle("instanceof", "${execution instanceof java.lang.Object}");
        subtle("a nested expression marker", "${ ${x} }");
        subtle("deep nesting", "${" + "(".repeat(40) + "1" + ")".repeat(40) + "}");
        subtle("an expression that is never closed", "${execution.getVariable('x')");
        process("a marker written as character references", "Target", "camunda:expression",
                around("<serviceTask id=\"Target\" camunda:expression=\"&#36;&#123;''.getClass()}\"/>"));
        process("a condition in CDATA", "Guarded", "conditionExpression",
                guarded("<conditionExpression xsi:type=\"tFormalExpression\"><![CDATA[" + runtimeExec(canary)
                        + "]]></conditionExpression>"));
        process("the activiti namespace", "Target", "activiti:expression",
                around("<serviceTask id=\"Target\" activiti:expression=\"" + xml(runtimeExec(canary)) + "\"/>"));
        process("the operaton namespace", "Target", "operaton:expression",
                around("<serviceTask id=\"Target\" operaton:expression=\"" + xml(runtimeExec(canary)) + "\"/>"));
        process("a class in the operaton namespace", "Target", "operaton:class",
                around("<serviceTask id=\"Target\" operaton:class=\"java.lang.Runtime\"/>"));
        process("an embedded form in the operaton namespace", "Target", "operaton:formKey",
                around("<userTask id=\"Target\" operaton:formKey=\"embedded:deployment:evil.html\"/>"));
        process("a custom validator in the operaton namespace", "Amount", "operaton:constraint",
                around("<userTask id=\"Target\"><extensionElements><operaton:formData><operaton:formField "
                        + "id=\"Amount\" type=\"string\"><operaton:validation><operaton:constraint "
                        + "name=\"validator\" config=\"java.lang.Runtime\"/></operaton:validation></operaton:formField>"
                        + "</operaton:formData></extensionElements></userTask>"));
        process("an embedded form", "Target", "camunda:formKey",
                around("<userTask id=\"Target\" camunda:formKey=\"embedded:deployment:evil.html\"/>"));
        process("a custom form-field validator", "Amount", "camunda:constraint",
                around("<userTask id=\"Target\"><extensionElements><camunda:formData><camunda:formField "
                        + "id=\"Amount\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" "
                        + "config=\"java.lang.Runtime\"/></camunda:validation></camunda:formField></camunda:formData>"
                        + "</extensionElements></userTask>"));
        process("a script task", "Target", "scriptTask",
                around("<scriptTask id=\"Target\" scriptFormat=\"javascript\"><script>java.lang.Runtime.getRuntime()."
                        + touch + "</script></scriptTask>"));
        process("a condition in a script language", "Guarded", "conditionExpression",
                guarded("<conditionExpression xsi:type=\"tFormalExpression\" language=\"groovy\">'touch " + canary
                        + "'.execute()</conditionExpression>"));
    }

    private void subtle(String description, String expression) {
        process(description, "Target", "camunda:expression",
                around("<serviceTask id=\"Target\" camunda:expression=\"" + xml(expression) + "\"/>"));
    }

    /** @param definitions the content of the model's definitions, with {@link #PROCESS} for the process id */
    private void process(String description, String elementId, String attribute, String definitions) {
        int number = models.size() + 1;
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                    xmlns:operaton="http://operaton.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Hostile%d"
                    targetNamespace="http://openimr.org/hostile">
                %s
                </definitions>
                """.formatted(number, definitions.replace(PROCESS, "hostile" + number));
        models.add(new Model(description, "hostile-" + number + ".bpmn", bytes(model),
                elementId.replace(PROCESS, "hostile" + number), attribute));
    }

    private static final String PROCESS = "HOSTILE_PROCESS";
    private static final String PROCESS_ATTRIBUTES = "id=\"" + PROCESS + "\" isExecutable=\"true\" "
            + "camunda:historyTimeToLive=\"P1D\"";

    /** A process of its own; its start event is a timer that is already due. */
    private static String process(String body) {
        return "<process " + PROCESS_ATTRIBUTES + "><startEvent id=\"Start\"><timerEventDefinition><timeDate>"
                + "2000-01-01T00:00:00</timeDate></timerEventDefinition></startEvent>" + body + "</process>";
    }

    /** The element Target between the start event and an end event. */
    private static String around(String target) {
        return around(target, "");
    }

    /** The same, after definitions the process refers to (messages, signals, errors). */
    private static String around(String target, String rootElements) {
        return rootElements + process("<sequenceFlow id=\"ToTarget\" sourceRef=\"Start\" targetRef=\"Target\"/>"
                + target + "<sequenceFlow id=\"ToEnd\" sourceRef=\"Target\" targetRef=\"End\"/>"
                + "<endEvent id=\"End\"/>");
    }

    /** A gateway Target whose way to the end is guarded by a condition. */
    private static String guarded(String condition) {
        return process("<sequenceFlow id=\"ToTarget\" sourceRef=\"Start\" targetRef=\"Target\"/>"
                + "<exclusiveGateway id=\"Target\"/><sequenceFlow id=\"Guarded\" sourceRef=\"Target\" "
                + "targetRef=\"End\">" + condition + "</sequenceFlow><endEvent id=\"End\"/>");
    }

    // ---------------------------------------------------------------------------- decision tables

    private void decisionTables() {
        String exec = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                + ".exec('touch " + canary + "')";
        table("JUEL in an input expression", "Expression", "inputExpression text", exec, "-", "\"A\"", "");
        table("a marker in an input expression", "Expression", "inputExpression text", "${" + exec + "}", "-",
                "\"A\"", "");
        table("arithmetic in an input expression", "Expression", "inputExpression text", "priorUnits + 1", "-",
                "\"A\"", "");
        table("javascript input expression", "Expression", "expressionLanguage", "1",
                "-", "\"A\"", "expressionLanguage=\"javascript\"");
        table("juel input expression", "Expression", "expressionLanguage", "priorUnits", "-", "\"A\"",
                "expressionLanguage=\"juel\"");
        table("groovy input expression", "Expression", "expressionLanguage", "'touch " + canary + "'.execute()",
                "-", "\"A\"", "expressionLanguage=\"groovy\"");
        table("JUEL in an input entry", "Entry", "inputEntry text", "x", "cellInput." + exec.substring(3), "\"A\"",
                "");
        table("a marker in an input entry", "Entry", "inputEntry text", "x", "${" + exec + "}", "\"A\"", "");
        table("a call as a comparison endpoint", "Entry", "inputEntry text", "x", "< x.getClass().getName()",
                "\"A\"", "");
        table("a call in a list", "Entry", "inputEntry text", "x", "\"A\", x.getClass()", "\"A\"", "");
        table("a call as a range endpoint", "Entry", "inputEntry text", "x", "[1..x.getClass().hashCode()]",
                "\"A\"", "");
        table("a call inside date and time", "Entry", "inputEntry text", "x", "date and time(x.getClass().getName())",
                "\"A\"", "");
        table("a call inside not", "Entry", "inputEntry text", "x", "not(x.getClass())", "\"A\"", "");
        table("an escaped quote in an input entry", "Entry", "inputEntry text", "x",
                "\"a\\\" == cellInput.getClass() || \\\"\"", "\"A\"", "");
        table("JUEL language on an input entry", "Entry", "expressionLanguage", "x", "true", "\"A\"",
                "entryLanguage");
        table("JUEL in an output entry", "Output", "outputEntry text", "x", "-", exec, "");
        table("a marker in an output entry", "Output", "outputEntry text", "x", "-", "${" + exec + "}", "");
        table("concatenation in an output entry", "Output", "outputEntry text", "x", "-", "\"A\" + x", "");
        table("javascript output entry", "Output", "expressionLanguage", "x", "-", "1", "outputLanguage");
        table("an expression as the input variable", "Input", "camunda:inputVariable", "x", "-", "\"A\"",
                "inputVariable");
        table("an expression as the input variable, Operaton's namespace", "Input", "operaton:inputVariable", "x",
                "-", "\"A\"", "operatonInputVariable");
        table("JUEL as the model's language", "HostileTables", "expressionLanguage", "x", "-", "\"A\"",
                "definitionsLanguage");
        table("a marker in an output name", "Out", "name", "x", "-", "\"A\"", "outputName");
        literalDecision();
    }

    /**
     * A one-rule table: input expression, input entry and output entry as given; {@code twist} puts an
     * attribute where the description says (an expression language, an input variable, an output name).
     */
    private void table(String description, String elementId, String attribute, String inputExpression,
            String inputEntry, String outputEntry, String twist) {
        String expressionLanguage = twist.startsWith("expressionLanguage") ? " " + twist : "";
        String entryLanguage = twist.equals("entryLanguage") ? " expressionLanguage=\"juel\"" : "";
        String outputLanguage = twist.equals("outputLanguage") ? " expressionLanguage=\"javascript\"" : "";
        String inputVariable = twist.equals("inputVariable") ? " camunda:inputVariable=\"x.getClass()\""
                : twist.equals("operatonInputVariable") ? " operaton:inputVariable=\"x.getClass()\"" : "";
        String definitionsLanguage = twist.equals("definitionsLanguage") ? " expressionLanguage=\"juel\"" : "";
        String outputName = twist.equals("outputName") ? "${x.getClass()}" : "outcome";
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    xmlns:operaton="http://operaton.org/schema/1.0/dmn" id="HostileTables"
                    name="Hostile" namespace="http://openimr.org/hostile"%s>
                  <decision id="mtus_MASSAGE" name="Apply massage therapy guideline" camunda:historyTimeToLive="P1D">
                    <decisionTable id="Table" hitPolicy="COLLECT">
                      <input id="Input" label="x"%s>
                        <inputExpression id="Expression" typeRef="string"%s><text>%s</text></inputExpression>
                      </input>
                      <output id="Out" name="%s" typeRef="string"/>
                      <rule id="Rule">
                        <inputEntry id="Entry"%s><text>%s</text></inputEntry>
                        <outputEntry id="Output"%s><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(definitionsLanguage, inputVariable, expressionLanguage, xml(inputExpression),
                xml(outputName), entryLanguage, xml(inputEntry), outputLanguage, xml(outputEntry));
        models.add(new Model(description, "hostile-" + (models.size() + 1) + ".dmn", bytes(model), elementId,
                attribute));
    }

    private void literalDecision() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="HostileLiteral"
                    name="Hostile" namespace="http://openimr.org/hostile">
                  <decision id="hostileLiteral" name="Run a command" camunda:historyTimeToLive="P1D">
                    <variable id="Result" name="result" typeRef="string"/>
                    <literalExpression id="Literal"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(xml(runtimeExec(canary).substring(2, runtimeExec(canary).length() - 1)));
        models.add(new Model("JUEL in a literal expression", "hostile-" + (models.size() + 1) + ".dmn", bytes(model),
                "Literal", "literalExpression text"));
    }

    // ---------------------------------------------------------------------------- forms

    private void forms() {
        form("a script element", "text", "<script>fetch('/engine-rest/user')</script>");
        form("a script element in capitals", "description", "<ScRiPt src=\"https://evil.example/x.js\"></ScRiPt>");
        form("an event handler", "text", "<img src=\"x.png\" onerror=\"alert(document.cookie)\">");
        form("an event handler on SVG", "text", "<svg onload=alert(1)>");
        form("a javascript: markdown link", "text", "[Open the letter](javascript:alert(document.cookie))");
        form("a javascript: link in character references", "text",
                "<a href=\"java&#115;cript&#58;alert(1)\">letter</a>");
        form("a javascript: link with spaces", "label", "<a href=\" jav\tascript:alert(1)\">x</a>");
        form("an HTML data: link", "text",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>");
        form("an iframe element", "text", "<iframe src=\"https://evil.example/\"></iframe>");
        form("a refresh leaving the page", "text",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">");
        form("a style overlaying the page", "text", "<div style=\"position:fixed;top:0;left:0\">Log in again</div>");
        form("a form posting elsewhere", "text", "<form action=\"https://evil.example\"><button>Go</button></form>");
        form("a comment hiding markup", "text", "<!-- <script>alert(1)</script> -->");
        form("a vbscript: autolink", "text", "<vbscript:msgbox(1)>");
        String iframe = """
                {"id": "HostileForm", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Frame", "type": "iframe", "url": "https://evil.example/", "label": "Frame"}]}""";
        models.add(new Model("an iframe component", "hostile-" + (models.size() + 1) + ".form", bytes(iframe), "Frame",
                "type"));
    }

    private void form(String description, String key, String content) {
        String form = """
                {"id": "HostileForm", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Hostile", "type": "text", "%s": %s}]}""".formatted(key, json(content));
        models.add(new Model(description, "hostile-" + (models.size() + 1) + ".form", bytes(form), "Hostile", key));
    }

    // ---------------------------------------------------------------------------- other resources

    private void resources() {
        models.add(new Model("an HTML page for Tasklist", "hostile-" + (models.size() + 1) + ".html",
                bytes("<script>fetch('/engine-rest/user')</script>"), null, "resource"));
        models.add(new Model("a CMMN case", "hostile-" + (models.size() + 1) + ".cmmn",
                bytes("<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\"/>"), null, "resource"));
        models.add(new Model("a BPMN under another name", "hostile-" + (models.size() + 1) + ".BPMN",
                bytes("<definitions/>"), null, "resource"));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
