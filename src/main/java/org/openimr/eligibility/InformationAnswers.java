package org.openimr.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.openimr.system.RetryingTransactions;
import org.openimr.system.TextRules;
import org.springframework.stereotype.Service;

/**
 * A party's answer to screening's request for information. Intake records it at the case's
 * "Record information received" task, in Tasklist or through the API, which completes that same
 * task: either way {@link RecordInformationReceivedListener} checks it and the case goes back to
 * "Screen application" with the answer shown.
 */
@Service
class InformationAnswers {

    static final String TASK = "RecordInformationReceivedTask";
    static final String ANSWER = "informationAnswer";
    static final String TEXT = "answerText";
    static final String RECEIVED_DATE = "answerReceivedDate";
    static final String DOCUMENT = "answerDocument";
    static final String RECEIVED_DECISION = "INFORMATION_RECEIVED";
    static final int MAX_ANSWER = 1900;
    static final int MAX_DOCUMENT = 300;
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** What came, when, and where the document is (null when the answer came without one). */
    record Answer(String answer, LocalDate receivedDate, String document) {

        /** As the screener reads it and the screening history keeps it. */
        String shown() {
            return "Received " + SHOWN_DATE.format(receivedDate) + ": " + answer + (document == null ? "" : "\nDocument: " + document);
        }

        /** The task's variables, as the form sets them. */
        Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>(Map.of(TEXT, answer, RECEIVED_DATE, receivedDate.toString()));
            if (document != null) {
                variables.put(DOCUMENT, document);
            }
            return variables;
        }

        /** The answer the task's form gave; refused, naming the field, when it breaks the rules the API keeps. */
        static Answer of(VariableScope task) {
            String answer = text(task, TEXT, MAX_ANSWER);
            if (answer == null) {
                throw new InvalidInputException(TEXT, "is required");
            }
            LocalDate received = CaseClock.today();
            if (task.getVariable(RECEIVED_DATE) instanceof String date && !date.isBlank()) {
                try {
                    received = LocalDate.parse(date.strip());
                } catch (DateTimeParseException notADate) {
                    throw new InvalidInputException(RECEIVED_DATE, "must be a date (YYYY-MM-DD)");
                }
            }
            if (received.isAfter(CaseClock.today())) {
                throw new InvalidInputException(RECEIVED_DATE, "must not be in the future");
            }
            return new Answer(answer, received, text(task, DOCUMENT, MAX_DOCUMENT));
        }

        private static String text(VariableScope task, String name, int maxLength) {
            String text = task.getVariable(name) instanceof String value && !value.isBlank() ? value.strip() : null;
            String refused = text == null ? null
                    : text.length() > maxLength ? "must be at most " + maxLength + " characters" : TextRules.problem(text);
            if (refused != null) {
                throw new InvalidInputException(name, refused);
            }
            return text;
        }
    }

    private final CaseRegistry registry;
    private final TaskService taskService;
    private final RetryingTransactions transactions;

    InformationAnswers(CaseRegistry registry, TaskService taskService, RetryingTransactions transactions) {
        this.registry = registry;
        this.taskService = taskService;
        this.transactions = transactions;
    }

    static Answer parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        String answer = in.text("answer", true, MAX_ANSWER);
        LocalDate received = in.date("receivedDate", false);
        String document = in.text("document", false, MAX_DOCUMENT);
        in.rejectUnknownFields();
        if (received != null && received.isAfter(CaseClock.today())) {
            in.problem("receivedDate", "must not be in the future");
        }
        in.throwIfInvalid();
        return new Answer(answer, received == null ? CaseClock.today() : received, document);
    }

    /** Completes the case's "Record information received" task as the one who recorded the answer. */
    void record(String caseNumber, Answer answer, String recordedBy) {
        transactions.run("Answer to the request for information of case " + caseNumber, () -> {
            CaseRecord record = registry.openCase(caseNumber);
            Task task = taskService.createTaskQuery().processInstanceId(record.processInstanceId())
                    .taskDefinitionKey(TASK).singleResult();
            if (task == null) {
                throw new ConflictException("Case " + caseNumber + " is not waiting for requested information");
            }
            taskService.setAssignee(task.getId(), recordedBy);
            taskService.complete(task.getId(), answer.variables());
        });
    }
}
