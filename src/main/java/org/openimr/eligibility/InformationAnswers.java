package org.openimr.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InputReader;
import org.openimr.system.RetryingTransactions;
import org.springframework.stereotype.Service;

/**
 * Records a party's answer to screening's request for information: the case process takes it as
 * the message its wait for the answer expects, and goes back to "Screen application" with the
 * answer shown; the answer goes in the case's screening history.
 */
@Service
class InformationAnswers {

    static final String MESSAGE = "InformationReceived";
    static final String ANSWER = "informationAnswer";
    static final String RECEIVED_DECISION = "INFORMATION_RECEIVED";
    static final int MAX_ANSWER = 1900;

    record Answer(String answer, LocalDate receivedDate) {
    }

    private final CaseRegistry registry;
    private final RuntimeService runtimeService;
    private final ScreeningHistory history;
    private final RetryingTransactions transactions;

    InformationAnswers(CaseRegistry registry, RuntimeService runtimeService, ScreeningHistory history,
            RetryingTransactions transactions) {
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.history = history;
        this.transactions = transactions;
    }

    static Answer parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        String answer = in.text("answer", true, MAX_ANSWER);
        LocalDate received = in.date("receivedDate", false);
        in.rejectUnknownFields();
        if (received != null && received.isAfter(CaseClock.today())) {
            in.problem("receivedDate", "must not be in the future");
        }
        in.throwIfInvalid();
        return new Answer(answer, received == null ? CaseClock.today() : received);
    }

    void record(String caseNumber, Answer answer, String recordedBy) {
        transactions.run("Answer to the request for information of case " + caseNumber, () -> {
            CaseRecord record = registry.openCase(caseNumber);
            String shown = "Received " + answer.receivedDate() + ": " + answer.answer();
            try {
                runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(record.processInstanceId())
                        .setVariable(ANSWER, shown).correlateWithResult();
            } catch (MismatchingMessageCorrelationException notWaiting) {
                throw new ConflictException("Case " + caseNumber + " is not waiting for requested information");
            }
            history.record(record.id(), null, RECEIVED_DECISION, shown, recordedBy);
        });
    }
}
