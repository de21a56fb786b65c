package org.openimr.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ImrApplication;
import org.openimr.cases.ItemField;
import org.openimr.system.CaseClock;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * "Register application": a case started through the API is registered already; a paper
 * application keyed into the Tasklist start form is read into the intake API's JSON body, parsed
 * and registered as the API does it, and its raw form fields give way to the case variables. The
 * form keys each disputed treatment in a group of its own (disputedItem1, disputedItem2, ..., copies
 * of one template, see docs/analyst-guide.md), as many as disputedTreatmentCount says.
 */
@Component("registerApplication")
class RegisterApplicationDelegate implements JavaDelegate {

    /** The start form's fields: the top-level fields of the intake API's JSON body but its item list. */
    private static final List<String> FORM_FIELDS = List.of(
            "applicationReceivedDate", "signed", "applicationSignedDate", "filedBy", "urDecisionDate",
            "urDecisionServedDate", "urDecisionType", "urDecisionAttached", "liabilityDisputed", "expedited",
            "noticeDelivery", "employee", "employer", "claimsAdministrator", "requestingPhysician");
    private static final String ITEM_COUNT = "disputedTreatmentCount";
    private static final Pattern ITEM = Pattern.compile("disputedItem\\d+");

    /** A radio option cannot have the value "" in form-js; an empty text (a cleared field) means the same. */
    private static final String NOT_DOCUMENTED = "NOT_DOCUMENTED";

    private final IntakeService intake;
    private final CaseRegistry registry;
    private final ObjectMapper objectMapper;

    RegisterApplicationDelegate(IntakeService intake, CaseRegistry registry, ObjectMapper objectMapper) {
        this.intake = intake;
        this.registry = registry;
        this.objectMapper = objectMapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(CaseVariables.CASE_NUMBER)) {
            // Only the intake API starts a case with its number: registered in this transaction, not yet linked.
            if (!(execution.getVariable(CaseVariables.CASE_NUMBER) instanceof String caseNumber)
                    || !registry.awaitsItsProcess(caseNumber)) {
                throw new InvalidInputException(CaseVariables.CASE_NUMBER, "is given by the system, not by a form");
            }
            return;
        }
        ImrApplication application = ApplicationParser.parse(formAsJson(execution));
        String keyedBy = (String) execution.getVariable("initiator");
        execution.removeVariables(FORM_FIELDS);
        execution.removeVariable(ITEM_COUNT);
        execution.removeVariables(execution.getVariableNames().stream().filter(name -> ITEM.matcher(name).matches())
                .toList());
        intake.registerStarted(application, keyedBy == null ? "tasklist" : keyedBy, execution);
    }

    private JsonNode formAsJson(DelegateExecution execution) {
        ObjectNode body = objectMapper.createObjectNode();
        Map<String, Object> variables = execution.getVariables();
        for (String field : FORM_FIELDS) {
            Object value = variables.get(field);
            if (value != null) {
                body.set(field, toJson(value));
            }
        }
        ArrayNode items = body.putArray("disputedItems");
        int count = itemCount(variables.get(ITEM_COUNT));
        for (int n = 1; n <= count; n++) {
            Object item = variables.get("disputedItem" + n);
            // A group left empty is kept as an empty item, so that validation names its missing fields.
            JsonNode fields = item == null ? objectMapper.createObjectNode() : toJson(item);
            if (fields instanceof ObjectNode object) {
                fromFormRadios(object);
            }
            items.add(fields);
        }
        return body;
    }

    /** The form's select answers "1" to "20"; anything else leaves the items out, and validation says so. */
    private static int itemCount(Object value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The form's yes / no / not documented radios answer "true", "false" or "NOT_DOCUMENTED" (left out, as the API has it). */
    private static void fromFormRadios(ObjectNode item) {
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ItemField field = DisputedItemFields.byName(name);
            JsonNode value = item.get(name);
            if (value.isTextual() && (value.asText().isEmpty() || value.asText().equals(NOT_DOCUMENTED))) {
                item.remove(name);
            } else if (field != null && field.kind() == ItemField.Kind.BOOLEAN && value.isTextual()
                    && (value.asText().equals("true") || value.asText().equals("false"))) {
                item.put(name, Boolean.parseBoolean(value.asText()));
            }
        }
    }

    private JsonNode toJson(Object value) {
        if (value instanceof SpinJsonNode spin) {
            try {
                return objectMapper.readTree(spin.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A Json variable always holds JSON", e);
            }
        }
        if (value instanceof Date date) {
            return objectMapper.getNodeFactory().textNode(CaseClock.dateOf(date.toInstant()).toString());
        }
        // Tasklist number fields arrive as doubles; a whole number is meant as one.
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return objectMapper.getNodeFactory().numberNode(number.longValue());
        }
        return objectMapper.valueToTree(value);
    }
}
