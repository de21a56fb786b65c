package org.openimr.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.system.InputReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    Withdrawals(CaseRegistry registry, RuntimeService runtimeService) {
        this.registry = registry;
        this.runtimeService = runtimeService;
    }

    static Withdrawal parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        Reason reason = in.enumValue("reason", Reason.class, true);
        String note = in.text("note", false, 2000);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new Withdrawal(reason, note);
    }

    @Transactional
    public void withdraw(String caseNumber, Withdrawal withdrawal) {
        CaseRecord record = registry.openCase(caseNumber);
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(caseNumber)
                .setVariable("withdrawalReason", withdrawal.reason().name())
                .setVariable("withdrawalNote", withdrawal.note())
                .correlateWithResult();
    }
}
