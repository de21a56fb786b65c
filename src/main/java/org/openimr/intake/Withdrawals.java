package org.openimr.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.InputReader;
import org.openimr.system.RetryingTransactions;
import org.springframework.stereotype.Service;

/**
 * Ends a case before its determination: the employee withdrew the application, or the claims
 * administrator authorized the disputed treatment (8 CCR 9792.10.6(a)). The case process takes
 * it as the message that starts its interrupting withdrawal sub-process.
 */
@Service
public class Withdrawals {

    public static final String MESSAGE = "CaseWithdrawn";

    public enum Reason { EMPLOYEE_WITHDREW, TREATMENT_AUTHORIZED }

    public record Withdrawal(Reason reason, String note) {
    }

    private final CaseRegistry registry;
    private final RuntimeService runtimeService;
    private final RetryingTransactions transactions;

    Withdrawals(CaseRegistry registry, RuntimeService runtimeService, RetryingTransactions transactions) {
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.transactions = transactions;
    }

    static Withdrawal parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        Reason reason = in.enumValue("reason", Reason.class, true);
        String note = in.text("note", false, 2000);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new Withdrawal(reason, note);
    }

    /** Runs again when it collides with the case's own work, e.g. a node issuing the letter at that moment. */
    public void withdraw(String caseNumber, Withdrawal withdrawal) {
        transactions.run("Withdrawal of case " + caseNumber, () -> {
            registry.openCase(caseNumber);
            runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariable("withdrawalReason", withdrawal.reason().name())
                    .setVariable("withdrawalNote", withdrawal.note())
                    .correlateWithResult();
        });
    }
}
