package org.openimr.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ItemField;

/**
 * Generates request bodies an attacker or a broken client might send to the intake and records
 * endpoints, each with exactly one thing wrong and the field that must be named in the refusal:
 * wrong types, missing and unknown fields, huge strings and arrays, Unicode that is not text
 * (NUL, unpaired surrogates, zero-width and bidirectional marks), injection-looking values where
 * a code, date, number or field name belongs, impossible and out-of-order dates, and bodies that
 * are not JSON objects at all. Deterministic: one seed chooses every random part.
 */
final class HostilePayloads {

    /** One hostile body and the field the refusal must name ("body" when it is the body as a whole). */
    record Payload(String description, byte[] body, String field) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Characters that are not text, each written as a JSON escape so that the body carries it exactly. */
    static final List<String> NOT_TEXT = List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\ud800", "\\udc00",
            "\\u200b", "\\u200d", "\\u200f", "\\u202e", "\\u2066", "\\ufeff", "\\u00ad", "\\ue000", "\\uffff",
            "\\ufdd0", "\\udb40\\udc41");

    /** Injection-looking strings: expression languages (JUEL, SpEL, FEEL, Thymeleaf), SQL, script, template. */
    static final List<String> INJECTIONS = List.of("${7*7}", "#{7*7}", "${execution.getProcessEngineServices()}",
            "#{T(java.lang.Runtime).getRuntime().exec('id')}", "__${7*7}__::x", "[[${7*7}]]", "{{7*7}}",
            "' OR '1'='1", "'; DROP TABLE imr_case; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "../../etc/passwd", "%00", "=cmd|' /C calc'!A0");

    private static final List<String> IMPOSSIBLE_DATES = List.of("2014-02-30", "2014-13-01", "2014-00-10",
            "2014-06-31", "0000-01-01", "1899-12-31", "2014-06-20T25:00:00", "2014-06-20T12:60", "20140620",
            "2014/06/20", "June 20, 2014", "+2014-06-20", "2014-6-20", "2014-06-20Z", "-2014-06-20",
            "2014-06-20T12:00:00+25:00", " ");

    private static final String PLACEHOLDER = "\u0001NOTTEXT\u0001";

    private final Random random;

    HostilePayloads(long seed) {
        this.random = new Random(seed);
    }

    // --------------------------------------------------------------------------------- intake

    /** Hostile bodies for POST /api/cases, built from a valid application. */
    List<Payload> applications(ObjectNode valid) {
        List<Payload> payloads = new ArrayList<>();
        bodies(payloads);
        for (String field : List.of("applicationReceivedDate", "urDecisionDate", "urDecisionServedDate",
                "applicationSignedDate")) {
            dateField(payloads, valid, "", field, true, true);
        }
        for (String field : List.of("signed", "urDecisionAttached", "liabilityDisputed", "expedited")) {
            boolField(payloads, valid, "", field, true);
        }
        codeField(payloads, valid, "", "filedBy", true);
        codeField(payloads, valid, "", "urDecisionType", true);
        codeField(payloads, valid, "", "noticeDelivery", true);
        outOfOrderDates(payloads, valid);

        party(payloads, valid, "employee", List.of("name"), List.of("claimNumber", "address", "representative"),
                List.of(200, 64, 500, 200));
        dateField(payloads, valid, "employee.", "dateOfBirth", false, true);
        dateField(payloads, valid, "employee.", "dateOfInjury", false, true);
        party(payloads, valid, "employer", List.of("name"), List.of("address"), List.of(200, 500));
        party(payloads, valid, "claimsAdministrator", List.of("name"), List.of("address"), List.of(200, 500));
        party(payloads, valid, "requestingPhysician", List.of("name"), List.of("specialty", "group", "address"),
                List.of(200, 200, 200, 500));

        items(payloads, valid);
        unknownFields(payloads, valid, List.of("", "employee.", "employer.", "claimsAdministrator.",
                "requestingPhysician.", "disputedItems[0]."));
        return payloads;
    }

    private void items(List<Payload> payloads, ObjectNode valid) {
        for (ItemField item : DisputedItemFields.ALL) {
            String prefix = "disputedItems[0].";
            switch (item.kind()) {
                case TEXT -> textField(payloads, valid, prefix, item.name(), item.required(), item.max());
                case DATE -> dateField(payloads, valid, prefix, item.name(), item.required(), item.name().equals("requestDate"));
                case BOOLEAN -> boolField(payloads, valid, prefix, item.name(), false);
                case INTEGER -> numberField(payloads, valid, prefix, item, true);
                case DECIMAL -> numberField(payloads, valid, prefix, item, false);
                case CODE -> codeField(payloads, valid, prefix, item.name(), item.required());
            }
        }
        add(payloads, valid, "no disputed items", "disputedItems", body -> body.putArray("disputedItems"));
        add(payloads, valid, "21 disputed items", "disputedItems", body -> repeatItem(body, 21));
        add(payloads, valid, "20 items, the 20th of the wrong type", "disputedItems[19]", body -> {
            repeatItem(body, 19);
            ((ArrayNode) body.get("disputedItems")).add("an item");
        });
        for (JsonNode notAnItem : List.of(NODES.numberNode(1), NODES.textNode(pick(INJECTIONS)), NODES.arrayNode(),
                NODES.booleanNode(true))) {
            add(payloads, valid, "an item that is " + notAnItem, "disputedItems[0]",
                    body -> ((ArrayNode) body.get("disputedItems")).set(0, notAnItem));
        }
        add(payloads, valid, "disputedItems as an object", "disputedItems", body -> body.set("disputedItems",
                body.get("disputedItems").get(0)));
        add(payloads, valid, "disputedItems as a string", "disputedItems", body -> body.put("disputedItems", "MASSAGE"));
    }

    // --------------------------------------------------------------------------------- records

    /** Hostile bodies for POST /api/cases/{caseNumber}/records, built from a valid one of three documents. */
    List<Payload> records(ObjectNode valid) {
        List<Payload> payloads = new ArrayList<>();
        bodies(payloads);
        for (int document = 0; document < 3; document++) {
            String prefix = "documents[" + document + "].";
            textField(payloads, valid, prefix, "title", true, 300);
            textField(payloads, valid, prefix, "author", true, 200);
            dateField(payloads, valid, prefix, "date", true, true);
            numberField(payloads, valid, prefix, new ItemField("pages", ItemField.Kind.INTEGER, true, 1, 5000,
                    List.of()), true);
        }
        unknownFields(payloads, valid, List.of("", "documents[0].", "documents[2]."));
        add(payloads, valid, "no documents", "documents", body -> body.putArray("documents"));
        add(payloads, valid, "documents missing", "documents", body -> body.remove("documents"));
        add(payloads, valid, "documents null", "documents", body -> body.putNull("documents"));
        add(payloads, valid, "201 documents", "documents", body -> {
            ArrayNode documents = body.putArray("documents");
            for (int i = 0; i < 201; i++) {
                documents.add(valid.get("documents").get(0).deepCopy());
            }
        });
        for (JsonNode notADocument : List.of(NODES.numberNode(7), NODES.textNode("PR-2"), NODES.arrayNode(),
                NODES.nullNode(), NODES.booleanNode(false))) {
            add(payloads, valid, "a document that is " + notADocument, "documents[1]",
                    body -> ((ArrayNode) body.get("documents")).set(1, notADocument));
        }
        add(payloads, valid, "documents as an object", "documents",
                body -> body.set("documents", body.get("documents").get(0)));
        return payloads;
    }

    // --------------------------------------------------------------------------------- kinds of field

    private void textField(List<Payload> payloads, ObjectNode valid, String prefix, String name, boolean required,
            int max) {
        String path = prefix + name;
        wrongTypes(payloads, valid, path, List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode().put("text", "x")));
        if (required) {
            add(payloads, valid, path + " missing", path, body -> remove(body, path));
            add(payloads, valid, path + " null", path, body -> set(body, path, NODES.nullNode()));
            add(payloads, valid, path + " blank", path, body -> set(body, path, NODES.textNode("   ")));
        }
        add(payloads, valid, path + " one character too long", path, body -> set(body, path, NODES.textNode(
                "x".repeat(max + 1))));
        int huge = 10_000 + random.nextInt(90_000);
        add(payloads, valid, path + " of " + huge + " characters", path,
                body -> set(body, path, NODES.textNode("y".repeat(huge))));
        // Larger than any body may be: refused before it is read, so the body is what is named.
        add(payloads, valid, path + " of 300,000 characters", "body",
                body -> set(body, path, NODES.textNode("z".repeat(300_000))));
        for (String notText : NOT_TEXT) {
            add(payloads, valid, path + " holding " + notText, path,
                    body -> set(body, path, NODES.textNode("Jane" + PLACEHOLDER + "Doe")), notText);
        }
    }

    private void dateField(List<Payload> payloads, ObjectNode valid, String prefix, String name, boolean required,
            boolean checkedForFuture) {
        String path = prefix + name;
        wrongTypes(payloads, valid, path, List.of(NODES.numberNode(20140620), NODES.booleanNode(true),
                NODES.arrayNode().add("2014-06-20"), NODES.objectNode().put("date", "2014-06-20")));
        if (required) {
            add(payloads, valid, path + " missing", path, body -> remove(body, path));
        }
        for (String date : IMPOSSIBLE_DATES) {
            add(payloads, valid, path + " = " + date, path, body -> set(body, path, NODES.textNode(date)));
        }
        add(payloads, valid, path + " = " + "an injection", path, body -> set(body, path, NODES.textNode(pick(INJECTIONS))));
        if (checkedForFuture) {
            add(payloads, valid, path + " in the year 9999", path, body -> set(body, path, NODES.textNode("9999-12-31")));
        }
    }

    private void boolField(List<Payload> payloads, ObjectNode valid, String prefix, String name, boolean required) {
        String path = prefix + name;
        wrongTypes(payloads, valid, path, List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.textNode("yes"),
                NODES.arrayNode().add(true), NODES.objectNode(), NODES.textNode(pick(INJECTIONS))));
        if (required) {
            add(payloads, valid, path + " missing", path, body -> remove(body, path));
        }
    }

    private void numberField(List<Payload> payloads, ObjectNode valid, String prefix, ItemField field, boolean whole) {
        String path = prefix + field.name();
        List<JsonNode> wrong = new ArrayList<>(List.of(NODES.textNode("5"), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode(), NODES.textNode(pick(INJECTIONS)), NODES.numberNode(field.min() - 1),
                NODES.numberNode(field.max() + 1), NODES.numberNode(new java.math.BigInteger("9".repeat(40)))));
        if (whole) {
            wrong.add(NODES.numberNode(5.5));
            wrong.add(NODES.numberNode(2_147_483_648L));
        }
        wrongTypes(payloads, valid, path, wrong);
        // A literal no double holds: read as infinity.
        add(payloads, valid, path + " = 1e999", path, body -> set(body, path, NODES.textNode(PLACEHOLDER)), "1e999",
                true);
        if (field.required()) {
            add(payloads, valid, path + " missing", path, body -> remove(body, path));
        }
    }

    private void codeField(List<Payload> payloads, ObjectNode valid, String prefix, String name, boolean required) {
        String path = prefix + name;
        wrongTypes(payloads, valid, path, List.of(NODES.numberNode(1), NODES.booleanNode(true), NODES.arrayNode()
                .add("MASSAGE"), NODES.objectNode(), NODES.textNode("NOT_A_" + name.toUpperCase()), NODES.textNode("")));
        for (int i = 0; i < 3; i++) {
            String injection = pick(INJECTIONS);
            add(payloads, valid, path + " = " + injection, path, body -> set(body, path, NODES.textNode(injection)));
        }
        String notText = pick(NOT_TEXT);
        add(payloads, valid, path + " with " + notText, path, body -> set(body, path, NODES.textNode("MAIL"
                + PLACEHOLDER)), notText);
        if (required) {
            add(payloads, valid, path + " missing", path, body -> remove(body, path));
            add(payloads, valid, path + " null", path, body -> set(body, path, NODES.nullNode()));
        }
    }

    private void party(List<Payload> payloads, ObjectNode valid, String object, List<String> required,
            List<String> optional, List<Integer> maxLengths) {
        List<String> fields = new ArrayList<>(required);
        fields.addAll(optional);
        for (int i = 0; i < fields.size(); i++) {
            textField(payloads, valid, object + ".", fields.get(i), required.contains(fields.get(i)), maxLengths.get(i));
        }
        add(payloads, valid, object + " missing", object, body -> body.remove(object));
        wrongTypes(payloads, valid, object, List.of(NODES.textNode("Jane Doe"), NODES.arrayNode(), NODES.numberNode(3)));
    }

    private void outOfOrderDates(List<Payload> payloads, ObjectNode valid) {
        add(payloads, valid, "served before the UR decision", "urDecisionServedDate",
                body -> body.put("urDecisionServedDate", "2014-06-01"));
        add(payloads, valid, "received before it was served", "applicationReceivedDate",
                body -> body.put("applicationReceivedDate", "2014-06-28"));
        add(payloads, valid, "signed before the UR decision", "applicationSignedDate",
                body -> body.put("applicationSignedDate", "2014-06-01"));
        add(payloads, valid, "injured before born", "employee.dateOfInjury",
                body -> ((ObjectNode) body.get("employee")).put("dateOfInjury", "1960-01-01"));
        add(payloads, valid, "injured after the UR decision", "employee.dateOfInjury",
                body -> ((ObjectNode) body.get("employee")).put("dateOfInjury", "2014-07-01"));
        add(payloads, valid, "treatment requested after the UR decision", "disputedItems[0].requestDate",
                body -> ((ObjectNode) body.get("disputedItems").get(0)).put("requestDate", "2014-06-28"));
    }

    private void unknownFields(List<Payload> payloads, ObjectNode valid, List<String> prefixes) {
        List<String> names = new ArrayList<>(List.of("isAdmin", "caseNumber", "status", "__proto__", "constructor",
                "processInstanceId"));
        names.add(pick(INJECTIONS));
        names.add(pick(INJECTIONS));
        for (String prefix : prefixes) {
            for (String name : names) {
                add(payloads, valid, "unknown field " + prefix + name, prefix + name,
                        body -> objectAt(body, prefix).put(name, "x"));
            }
        }
    }

    private void wrongTypes(List<Payload> payloads, ObjectNode valid, String path, List<JsonNode> values) {
        for (JsonNode value : values) {
            add(payloads, valid, path + " = " + abbreviate(value.toString()), path, body -> set(body, path, value));
        }
    }

    /** Bodies that are no JSON object, or no JSON at all. */
    private static void bodies(List<Payload> payloads) {
        for (String text : List.of("[]", "\"an application\"", "42", "null", "true", "[{}]")) {
            payloads.add(new Payload("body " + text, text.getBytes(StandardCharsets.UTF_8), "body"));
        }
        for (String text : List.of("", "{", "{\"a\":", "{\"a\" 1}", "{'a': 1}", "{\"a\": NaN}", "{\"a\":1,\"a\":2}",
                "{\"a\": 1} trailing", "{\"a\": [1, 2,]}", "{/* comment */}", "{\"a\": 01}",
                "[".repeat(200) + "]".repeat(200), "{\"a\":".repeat(100) + "1" + "}".repeat(100))) {
            payloads.add(new Payload("not JSON: " + abbreviate(text), text.getBytes(StandardCharsets.UTF_8), "body"));
        }
        // Not UTF-8.
        payloads.add(new Payload("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                "body"));
    }

    // --------------------------------------------------------------------------------- building

    private void add(List<Payload> payloads, ObjectNode valid, String description, String field,
            Consumer<ObjectNode> change) {
        add(payloads, valid, description, field, change, null);
    }

    private void add(List<Payload> payloads, ObjectNode valid, String description, String field,
            Consumer<ObjectNode> change, String inserted) {
        add(payloads, valid, description, field, change, inserted, false);
    }

    /** The valid body with the change; where {@code inserted} is given it replaces the placeholder verbatim. */
    private static void add(List<Payload> payloads, ObjectNode valid, String description, String field,
            Consumer<ObjectNode> change, String inserted, boolean asLiteral) {
        ObjectNode body = valid.deepCopy();
        change.accept(body);
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (inserted != null) {
            String placeholder = JSON.valueToTree(PLACEHOLDER).toString();
            text = asLiteral ? text.replace(placeholder, inserted)
                    : text.replace(placeholder.substring(1, placeholder.length() - 1), inserted);
        }
        payloads.add(new Payload(description, text.getBytes(StandardCharsets.UTF_8), field));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void repeatItem(ObjectNode body, int count) {
        ArrayNode items = (ArrayNode) body.get("disputedItems");
        JsonNode item = items.get(0);
        items.removeAll();
        for (int i = 0; i < count; i++) {
            items.add(item.deepCopy());
        }
    }

    /** The object a path prefix ("employee.", "disputedItems[0].", "") names. */
    private static ObjectNode objectAt(ObjectNode body, String prefix) {
        JsonNode node = body;
        for (String part : prefix.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            node = bracket < 0 ? node.get(part)
                    : node.get(part.substring(0, bracket)).get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
        }
        return (ObjectNode) node;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        objectAt(body, dot < 0 ? "" : path.substring(0, dot + 1)).set(path.substring(dot + 1), value);
    }

    private static void remove(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        objectAt(body, dot < 0 ? "" : path.substring(0, dot + 1)).remove(path.substring(dot + 1));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
