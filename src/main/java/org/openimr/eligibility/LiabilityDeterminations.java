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
 * Records the claims administrator's liability determination on a case deferred for a liability
 * dispute (E6): the case process takes it as the message its deferral waits for, and the
 * determination goes in the case's screening history.
 */
@Service
class LiabilityDeterminations {

    static final String MESSAGE = "LiabilityDetermined";
    static final String ACCEPTED = "liabilityAccepted";
    static final String DETERMINATION_DATE = "liabilityDeterminationDate";

    record Determination(boolean liabilityAccepted, LocalDate determinationDate, String note) {
    }

    private final CaseRegistry registry;
    private final RuntimeService runtimeService;
    private final ScreeningHistory history;
    private final RetryingTransactions transactions;

    LiabilityDeterminations(CaseRegistry registry, RuntimeService runtimeService, ScreeningHistory history,
            RetryingTransactions transactions) {
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.history = history;
        this.transactions = transactions;
    }

    static Determination parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        Boolean accepted = in.bool(ACCEPTED, true);
        LocalDate date = in.date("determinationDate", true);
        String note = in.text("note", false, 2000);
        in.rejectUnknownFields();
        if (date != null && date.isAfter(CaseClock.today())) {
            in.problem("determinationDate", "must not be in the future");
        }
        in.throwIfInvalid();
        return new Determination(accepted, date, note);
    }

    void record(String caseNumber, Determination determination, String recordedBy) {
        transactions.run("Liability determination of case " + caseNumber, () -> {
            CaseRecord record = registry.openCase(caseNumber);
            try {
                runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(record.processInstanceId())
                        .setVariable(ACCEPTED, determination.liabilityAccepted())
                        .setVariable(DETERMINATION_DATE,
                                CaseClock.toDate(CaseClock.startOf(determination.determinationDate())))
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException notDeferred) {
                throw new ConflictException("Case " + caseNumber + " is not deferred for a liability dispute");
            }
            history.record(record.id(), Findings.LIABILITY_DISPUTED,
                    determination.liabilityAccepted() ? "LIABILITY_ACCEPTED" : "LIABILITY_DENIED", determination.note(),
                    recordedBy);
        });
    }
}
