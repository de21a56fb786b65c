package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The grammar of expressions in process models: what analysts write today stays allowed; calls
 * outside the list, reflection and the tricks that would make this check and JUEL disagree on
 * where an expression ends are refused, each with its reason.
 */
class ModelExpressionsTest {

    private final ModelExpressions expressions = new ModelExpressions(Set.of("dataSource", "runtimeService"));

    @Test
    void everyExpressionOfTheCaseProcessIsAllowed() throws IOException {
        Matcher found = Pattern.compile("[$#]\\{[^}]*}").matcher(Files.readString(Path.of("bpmn/imr-case.bpmn")));
        int count = 0;
        while (found.find()) {
            String expression = found.group().replace("&#39;", "'");
            boolean delegate = ModelApi.DELEGATES.stream().anyMatch(name -> expression.equals("${" + name + "}"));
            assertThat(delegate ? ModelExpressions.checkDelegate(expression) : expressions.check(expression))
                    .as(expression).isEmpty();
            count++;
        }
        assertThat(count).isGreaterThan(50);
    }

    @Test
    void variablesLiteralsOperatorsAndTheListedCallsAreAllowed() {
        for (String allowed : List.of("${eligible}", "${!recordsComplete}", "${itemCount > 1 && !expedited}",
                "${a eq b or c lt 3 and not d}", "${empty reviewerUserId ? 'none' : reviewerUserId}",
                "${(priorUnits + requestedUnits) * 2 div 3 mod 4 - -1 >= 1.5e2}", "${item.code}", "${items[0]}",
                "${map['key']}", "${execution.getVariable('x')}", "${task.assignee}",
                "${execution.setVariable('recordsCheckedBy', task.assignee)}", "${execution.processBusinessKey}",
                "${caseStage.enter(execution, 'LETTER_QA')}", "${slaTasks.due(execution)}", "${now()}",
                "${currentUser()}", "${currentUserGroups()}", "${dateTime().plusDays(2).toDate()}",
                "Case ${caseNumber} is due #{determinationDueAt}", "plain text, no expression", "${\"double\"}",
                "${'a } b'}", "${x == null}")) {
            assertThat(expressions.check(allowed)).as(allowed).isEmpty();
        }
    }

    @Test
    void callsOutsideTheListAndReflectionAreRefusedSayingWhy() {
        refused("${''.getClass().forName('java.lang.Runtime')}", "reaches into a literal");
        refused("${x.getClass()}", "calls getClass() on a value");
        refused("${execution.getProcessEngineServices()}", "calls execution.getProcessEngineServices()");
        refused("${execution.processEngineServices}", "reads execution.processEngineServices");
        refused("${slaClock.getClass()}", "calls slaClock.getClass(), which is not a method models may call");
        refused("${slaTasks.deadlines}", "reads deadlines of the bean slaTasks");
        refused("${slaTasks}", "names the bean slaTasks without calling one of its methods");
        refused("${caseStage.enter(execution, x.getClass())}", "calls getClass() on a value");
        refused("${slaTasks.due(execution).time}", "reads time of a computed value");
        refused("${dataSource.connection}", "names the server component dataSource");
        refused("${registerApplication.execute(execution)}", "names the delegate registerApplication");
        refused("${x.class}", "reads the class of a value");
        refused("${x['class']}", "reads the class of a value");
        refused("${x[y]}", "indexes a variable with something other than a literal");
        refused("${execution['x']}", "indexes something that is not a variable");
        refused("${now().getTime()}", "calls getTime() on a value");
        refused("${dateTime().getClass()}", "calls getClass() on dateTime()");
        refused("${forName('java.lang.Runtime')}", "calls forName()");
        refused("${fn:forName('java.lang.Runtime')}", "calls a function with a prefix");
        refused("${(x).getClass()}", "reaches into a value in parentheses");
        refused("${x instanceof y}", "uses instanceof");
    }

    @Test
    void whatWouldMakeThisCheckAndJuelDisagreeIsRefused() {
        refused("\\${ 'x } ${''.getClass()} ' }", "escapes ${");
        refused("\\#{x}", "escapes #{");
        refused("${'a\\'b'}", "has a backslash in a string");
        refused("${ex$ecution}", "unexpected character $");
        refused("${exécution}", "unexpected character é");
        refused("${ ${x} }", "unexpected character $");
        refused("${x", "does not close its expression with }");
        refused("${'x}", "does not close a string");
        refused("${x = 1}", "unexpected character =");
        refused("${'a' += 'b'}", "unexpected character =");
        refused("${x;y}", "unexpected character ;");
        refused("${" + "(".repeat(40) + "1" + ")".repeat(40) + "}", "nests deeper than");
        refused("${" + "!".repeat(40) + "x}", "nests deeper than");
        refused("${}", "unexpected }");
    }

    @Test
    void aDelegateExpressionNamesOneListedDelegate() {
        assertThat(ModelExpressions.checkDelegate("${registerApplication}")).isEmpty();
        assertThat(ModelExpressions.checkDelegate("#{ issueLetter }")).isEmpty();
        assertThat(ModelExpressions.checkDelegate("${dataSource}")).get().asString()
                .startsWith("dataSource is not one of the application's delegates");
        assertThat(ModelExpressions.checkDelegate("${slaTasks}")).isPresent();
        assertThat(ModelExpressions.checkDelegate("x${registerApplication}")).isPresent();
        assertThat(ModelExpressions.checkDelegate("${registerApplication.execute(execution)}")).isPresent();
        assertThat(ModelExpressions.checkDelegate("${'register' + 'Application'}")).isPresent();
    }

    private void refused(String expression, String reason) {
        assertThat(expressions.check(expression)).as(expression).get().asString().contains(reason);
    }
}
