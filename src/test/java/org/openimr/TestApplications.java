package org.openimr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * IMR applications for tests, built from the seed letter's case (src/test/resources/cases/),
 * each with its own employee so that no two tests submit "the same application".
 */
public final class TestApplications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestApplications() {
    }

    /** The seed letter's case: massage for the cervical spine, 6 visits done, 6 requested. */
    public static ObjectNode seedCase() {
        ObjectNode application = read("/cases/seed-massage.json");
        // 64 random bits: with 32 (8 hex digits) two of a benchmark's 20,000-odd applications share an
        // employee about once in 16 runs, and the second is refused as the same application (409).
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ObjectNode employee = (ObjectNode) application.get("employee");
        employee.put("name", "Test Employee " + unique);
        employee.put("claimNumber", "CLAIM-" + unique);
        return application;
    }

    /** The seed case with two more disputed items: chiropractic (low back) and an opioid. */
    public static ObjectNode threeItemCase() {
        ObjectNode application = seedCase();
        ArrayNode items = (ArrayNode) application.get("disputedItems");
        items.addObject()
                .put("requestedTreatment", "Chiropractic manipulation, lumbar spine, 2 times a week for 6 weeks")
                .put("treatmentCategory", "CHIRO")
                .put("bodyRegion", "LUMBAR")
                .put("requestDate", "2014-06-20")
                .put("priorUnits", 6)
                .put("requestedUnits", 12)
                .put("functionalImprovement", true);
        items.addObject()
                .put("requestedTreatment", "Norco 10/325 mg, 60 tablets")
                .put("treatmentCategory", "OPIOID")
                .put("requestDate", "2014-06-20")
                .put("dailyMED", 40)
                .put("functionalImprovement", true)
                .put("fourAsDocumented", true)
                .put("aberrantBehavior", false);
        return application;
    }

    /**
     * The variables Tasklist submits for the start form: top-level fields as plain values, groups as
     * Json, and one group per disputed treatment with their count.
     */
    public static Map<String, Object> startFormVariables(ObjectNode application) {
        ObjectNode form = application.deepCopy();
        Map<String, Object> variables = new HashMap<>();
        ArrayNode items = (ArrayNode) form.remove("disputedItems");
        variables.put("disputedTreatmentCount", Map.of("value", String.valueOf(items.size())));
        for (int i = 0; i < items.size(); i++) {
            variables.put("disputedItem" + (i + 1), Map.of("value", items.get(i).toString(), "type", "Json"));
        }
        form.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            variables.put(field.getKey(), value.isContainerNode()
                    ? Map.of("value", value.toString(), "type", "Json")
                    : Map.of("value", value.isBoolean() ? value.booleanValue() : value.asText()));
        });
        return variables;
    }

    /**
     * One change of the seed case for each eligibility rule an application can fail (the rule's code,
     * then the change): what screening finds, and what the screener confirms or overrides.
     */
    public static Stream<Arguments> withEachScreeningFinding() {
        return Stream.of(
                Arguments.of("E1", change(a -> a.put("applicationReceivedDate", "2014-08-05"))),
                Arguments.of("E2", change(a -> { a.put("signed", false); a.remove("applicationSignedDate"); })),
                Arguments.of("E3", change(a -> a.put("urDecisionAttached", false))),
                Arguments.of("E4", change(a -> a.put("urDecisionType", "CONDITIONALLY_NON_CERTIFIED"))),
                Arguments.of("E5", change(a -> a.put("urDecisionType", "NOT_FOR_MEDICAL_NECESSITY"))),
                Arguments.of("E6", change(a -> a.put("liabilityDisputed", true))),
                Arguments.of("E8", change(a -> {
                    ((ObjectNode) a.get("employee")).put("dateOfInjury", "2012-06-01");
                    a.put("urDecisionDate", "2013-05-01");
                    a.put("urDecisionServedDate", "2013-05-02");
                    a.put("applicationSignedDate", "2013-05-10");
                    a.put("applicationReceivedDate", "2013-05-20");
                    item(a, 0).put("requestDate", "2013-04-20");
                })),
                Arguments.of("E9", change(a -> ((ObjectNode) a.get("employee")).remove("claimNumber"))),
                Arguments.of("E10", change(a -> a.put("filedBy", "EMPLOYER"))));
    }

    private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
        return change;
    }

    public static ObjectNode item(ObjectNode application, int index) {
        return (ObjectNode) application.get("disputedItems").get(index);
    }

    public static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode read(String resource) {
        try (InputStream in = TestApplications.class.getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
