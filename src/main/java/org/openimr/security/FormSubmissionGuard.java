package org.openimr.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.openimr.system.FieldProblem;
import org.openimr.system.TextRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a person may submit when starting a case or completing a task, through Tasklist (the
 * webapps' engine API, {@code /camunda/api/engine/...}) or the engine REST API
 * ({@code /engine-rest/...}): the fields of the form that start event or task shows, as plain
 * values, and nothing else. Without this, a reviewer completing "Decide disputed item" could
 * send {@code caseNumber} or {@code recommendedOutcome} along and have the decision stored on
 * another case or against another recommendation; a start could skip to any activity or carry
 * the case number itself.
 * <p>
 * Refused with 400, naming each problem as the API does: variables not in the form; types other
 * than plain values and JSON (no serialized objects, files or bytes); a value the form's own rules
 * refuse (a required field missing, a value that is not one of a radio button's or select's
 * options, a number outside its min and max, text longer than its maxLength or than a string
 * variable holds, 4,000 characters) or that {@link TextRules} refuses; and, at the top of the
 * body, anything but the variables (and a business key for a start), such as start instructions
 * or skipping listeners. Only for a caller who may submit the form: the others get the engine's
 * answer (403), not a lesson in the form's rules.
 * <p>
 * Task attachments are refused to everyone (403): Camunda lets anyone who may read a task attach
 * any file to it, unchecked, and this system takes documents through its records API only.
 */
final class FormSubmissionGuard extends OncePerRequestFilter {

    private static final Set<String> TASK_BODY = Set.of("variables", "withVariablesInReturn");
    private static final Set<String> START_BODY = Set.of("variables", "businessKey", "withVariablesInReturn");
    private static final Set<String> VALUE_FIELDS = Set.of("value", "type", "valueInfo");
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "json", "null");

    private final Pattern task;
    private final Pattern start;
    private final Pattern attachment;
    /** Looked up at the first request: the filter is built with the web server, before the process engine. */
    private final ObjectProvider<DeployedForms> forms;
    private final ObjectMapper objectMapper;

    /** {@code webappPath}: where the webapps live, {@code /camunda} (their engine API is below it). */
    FormSubmissionGuard(String webappPath, ObjectProvider<DeployedForms> forms, ObjectMapper objectMapper) {
        String engine = "(?:/engine-rest(?:/engine/([^/]+))?|" + Pattern.quote(webappPath) + "/api/engine/engine/([^/]+))";
        this.task = Pattern.compile(engine + "/task/([^/]+)/(?:complete|submit-form|resolve)", Pattern.CASE_INSENSITIVE);
        this.start = Pattern.compile(
                engine + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)",
                Pattern.CASE_INSENSITIVE);
        this.attachment = Pattern.compile(engine + "/task/[^/]+/attachment/create", Pattern.CASE_INSENSITIVE);
        this.forms = forms;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // The servlet path and path info are decoded, with path parameters (;x=y) removed, as the REST layer matches them.
        String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .replaceAll("/{2,}", "/").replaceAll("/$", "");
        if (attachment.matcher(path).matches()) {
            write(response, HttpStatus.FORBIDDEN, Map.of("type", "AuthorizationException", "message",
                    "Task attachments are not taken; medical records arrive through POST /api/cases/{caseNumber}/records"));
            return;
        }
        Matcher taskPath = task.matcher(path);
        Matcher startPath = start.matcher(path);
        Matcher matched = taskPath.matches() ? taskPath : startPath.matches() ? startPath : null;
        Optional<Authentication> caller = matched == null ? Optional.empty()
                : forms.getObject().caller(request, matched.group(1) != null ? matched.group(1) : matched.group(2));
        if (caller.isEmpty()) {
            // Not a form submission, or nobody logged in: the engine and the webapps answer that themselves.
            chain.doFilter(request, response);
            return;
        }
        Optional<FormFields> form = matched == taskPath
                ? forms.getObject().ofTask(caller.get(), taskPath.group(3))
                : forms.getObject().ofStart(caller.get(), startPath.group(4), startPath.group(3));
        Set<String> bodyFields = matched == taskPath ? TASK_BODY : START_BODY;
        CachedBodyRequest cached = request instanceof CachedBodyRequest body ? body
                : new CachedBodyRequest(request, request.getInputStream().readAllBytes());
        List<FieldProblem> problems = form.map(fields -> problems(cached.body(), bodyFields, fields)).orElse(List.of());
        if (problems.isEmpty()) {
            // Also when the caller may not submit it, or there is no such task: the engine answers that.
            chain.doFilter(cached, response);
        } else {
            refuse(response, problems);
        }
    }

    private List<FieldProblem> problems(byte[] body, Set<String> bodyFields, FormFields form) {
        JsonNode json;
        try {
            json = objectMapper.readTree(body);
        } catch (IOException notJson) {
            // Refused rather than passed on: a body only this reader refuses (a key given twice) might read otherwise there.
            return List.of(new FieldProblem("body", "is not valid JSON"));
        }
        if (json == null || !json.isObject()) {
            return List.of(new FieldProblem("body", "must be a JSON object"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!bodyFields.contains(name)) {
                problems.add(new FieldProblem(name, "is not accepted with a form; send only " + String.join(", ",
                        bodyFields.stream().sorted().toList())));
            }
        });
        JsonNode variables = json.path("variables");
        if (variables.isMissingNode() || variables.isNull()) {
            variables = objectMapper.createObjectNode();
        }
        if (!variables.isObject()) {
            problems.add(new FieldProblem("variables", "must be an object"));
            return problems;
        }
        for (String required : form.required()) {
            if (!variables.has(required)) {
                problems.add(new FieldProblem("variables." + required, "is required"));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            variable(entry.getKey(), entry.getValue(), form, problems);
        }
        return problems;
    }

    private static void variable(String name, JsonNode variable, FormFields form, List<FieldProblem> problems) {
        String field = "variables." + name;
        FormFields.Field rules = form.field(name);
        if (rules == null) {
            problems.add(new FieldProblem(field, "is not a field of the form"));
            return;
        }
        if (!variable.isObject()) {
            problems.add(new FieldProblem(field, "must be an object with value and type"));
            return;
        }
        variable.fieldNames().forEachRemaining(key -> {
            if (!VALUE_FIELDS.contains(key)) {
                problems.add(new FieldProblem(field + "." + key, "is not a known field"));
            }
        });
        JsonNode typeNode = variable.path("type");
        String type = typeNode.isTextual() ? typeNode.asText().toLowerCase(Locale.ROOT) : null;
        if (!typeNode.isMissingNode() && !typeNode.isNull() && !PLAIN_TYPES.contains(type)) {
            problems.add(new FieldProblem(field + ".type", "must be a plain value type (String, Boolean, a number, "
                    + "Date, Json or Null)"));
            return;
        }
        JsonNode valueInfo = variable.path("valueInfo");
        if (!valueInfo.isMissingNode() && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
            problems.add(new FieldProblem(field + ".valueInfo", "must be empty"));
        }
        JsonNode value = variable.path("value");
        if (value.isContainerNode() && !"json".equals(type)) {
            problems.add(new FieldProblem(field, "must be a plain value, or JSON text of type Json"));
        } else if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            if (rules.required()) {
                problems.add(new FieldProblem(field, "is required"));
            }
        } else if (rules.options() != null && value.isValueNode() && !rules.options().contains(value.asText())) {
            problems.add(new FieldProblem(field, "must be one of " + String.join(", ", rules.options())));
        } else if (value.isNumber() && (rules.min() != null && value.doubleValue() < rules.min()
                || rules.max() != null && value.doubleValue() > rules.max())) {
            problems.add(new FieldProblem(field, rules.min() == null ? "must be at most " + plain(rules.max())
                    : rules.max() == null ? "must be at least " + plain(rules.min())
                    : "must be between " + plain(rules.min()) + " and " + plain(rules.max())));
        } else if (value.isTextual() && (type == null || type.equals("string"))) {
            String text = value.asText();
            if (text.length() > rules.maxLength()) {
                problems.add(new FieldProblem(field, "must be at most " + rules.maxLength() + " characters"));
            } else if (TextRules.problem(text) != null) {
                problems.add(new FieldProblem(field, TextRules.problem(text)));
            }
        }
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private void refuse(HttpServletResponse response, List<FieldProblem> problems) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        // The shape of the engine REST API's errors, whose message Tasklist shows: in the form's words.
        answer.put("type", "InvalidRequestException");
        answer.put("message", "Please correct: " + String.join("; ", problems.stream().map(FieldProblem::sentence).toList()));
        answer.put("errors", problems);
        write(response, HttpStatus.BAD_REQUEST, answer);
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> answer) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), answer);
    }
}
