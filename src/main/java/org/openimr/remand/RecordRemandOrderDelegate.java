package org.openimr.remand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.FieldProblem;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * "Record remand order" of the Tasklist process of that name: the supervisor's start form read as the
 * remand API's body and recorded as the API records it ({@link Remands}), in the start's own
 * transaction, so that an order refused leaves neither the remand nor the new review behind. Every
 * refusal names the form's field: a case not on file or with no issued determination is the case
 * number's problem, an item the case does not have the items' problem.
 */
@Component("recordRemandOrder")
class RecordRemandOrderDelegate implements JavaDelegate {

    /** The form's fields besides the API body's own: the case, and the items as "1, 3". */
    static final String CASE_NUMBER = "orderCaseNumber";
    static final String ITEMS = "orderItems";
    /** The review the order started, for the instance's history. */
    static final String REVIEW_NO = "remandReviewNo";

    /** The form's keys by the remand API's names; "receivedDate" alone would name other forms' dates too. */
    private static final Map<String, String> ORDER_FIELDS = Map.of("issuedBy", "issuedBy", "orderReference",
            "orderReference", "orderDate", "orderDate", "receivedDate", "orderReceivedDate", "ground", "ground", "note",
            "note");
    private static final Pattern ITEM_LIST = Pattern.compile("\\s*\\d{1,2}(\\s*,\\s*\\d{1,2})*\\s*");
    private static final Pattern ITEM_PATH = Pattern.compile("items\\[\\d+]");

    private final Remands remands;

    RecordRemandOrderDelegate(Remands remands) {
        this.remands = remands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(CASE_NUMBER) instanceof String caseNumber) || caseNumber.isBlank()) {
            throw new InvalidInputException(CASE_NUMBER, "is required");
        }
        Remands.Recorded recorded;
        try {
            recorded = remands.record(caseNumber.strip(), Remands.parse(body(execution)),
                    (String) execution.getVariable("recordedBy"));
        } catch (NotFoundException unknown) {
            throw new InvalidInputException(CASE_NUMBER, "is not a case on file (" + caseNumber.strip() + ")");
        } catch (ConflictException nothingToSetAside) {
            throw new InvalidInputException(CASE_NUMBER, nothingToSetAside.getMessage()
                    .replaceFirst("^Case \\S+ ", ""));
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(refused.problems().stream()
                    .map(problem -> ITEM_PATH.matcher(problem.field()).matches()
                            ? new FieldProblem(ITEMS, problem.problem())
                            : new FieldProblem(ORDER_FIELDS.getOrDefault(problem.field(), problem.field()),
                                    problem.problem()))
                    .toList());
        }
        execution.setVariable(REVIEW_NO, recorded.remand().reviewNo());
    }

    /** The form's answers as the remand API's JSON body. */
    private static ObjectNode body(DelegateExecution execution) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> names : ORDER_FIELDS.entrySet()) {
            String field = names.getKey();
            Object value = execution.getVariable(names.getValue());
            if (value instanceof Date date) {
                body.put(field, CaseClock.dateOf(date.toInstant()).toString());
            } else if (value != null && !value.toString().isBlank()) {
                body.put(field, value.toString());
            }
        }
        Object items = execution.getVariable(ITEMS);
        if (items != null) {
            String text = items.toString();
            if (!ITEM_LIST.matcher(text).matches()) {
                throw new InvalidInputException(ITEMS, "must be item numbers separated by commas, e.g. 1, 3");
            }
            ArrayNode numbers = body.putArray("items");
            List<Integer> seen = new ArrayList<>();
            for (String number : text.strip().split("\\s*,\\s*")) {
                int item = Integer.parseInt(number);
                if (!seen.contains(item)) {
                    seen.add(item);
                    numbers.add(item);
                }
            }
        }
        return body;
    }
}
