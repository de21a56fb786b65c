package org.openimr.sla;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a regular review to expedited after the treating physician certified in writing an
 * imminent and serious threat to the employee's health (8 CCR 9792.10.4(c)). Possible at any
 * point before the determination is made; the case process takes it as the message that starts
 * its non-interrupting "Convert to expedited review" sub-process.
 */
@Service
public class ExpeditedConversions {

    public static final String MESSAGE = "ExpeditedReviewCertified";

    /** Stages in which every disputed item is decided already: too late to convert. */
    private static final Set<String> DECIDED = Set.of("LETTER_QA", "LETTER_CORRECTION");

    public record Certification(LocalDate certificationDate) {
    }

    private final CaseRegistry registry;
    private final RuntimeService runtimeService;

    ExpeditedConversions(CaseRegistry registry, RuntimeService runtimeService) {
        this.registry = registry;
        this.runtimeService = runtimeService;
    }

    static Certification parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        LocalDate date = in.date("certificationDate", true);
        if (date != null && date.isAfter(CaseClock.today())) {
            in.problem("certificationDate", "must not be in the future");
        }
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new Certification(date);
    }

    @Transactional
    public void convert(String caseNumber, Certification certification) {
        CaseRecord record = registry.openCase(caseNumber);
        if (record.expedited()) {
            throw new ConflictException("Case " + caseNumber + " is expedited already");
        }
        if (DECIDED.contains(record.stage())) {
            throw new ConflictException("Case " + caseNumber + " is decided already; its letter is in quality review");
        }
        if (certification.certificationDate().isBefore(record.applicationReceivedDate())) {
            // 9792.10.4(c): the certification that converts a review comes after the application.
            throw new InvalidInputException("certificationDate", "must not be before the application was received ("
                    + record.applicationReceivedDate() + ")");
        }
        registry.markExpedited(caseNumber);
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(caseNumber)
                .setVariable(SlaVariables.PHYSICIAN_CERTIFICATION_DATE,
                        CaseClock.toDate(CaseClock.startOf(certification.certificationDate())))
                .correlateWithResult();
    }
}
