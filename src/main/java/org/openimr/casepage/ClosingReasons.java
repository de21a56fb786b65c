package org.openimr.casepage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.CaseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Why a closed case ended, in a sentence staff can read out to a caller: who withdrew it, the
 * eligibility findings in the eligibility table's own words, the case it was joined into, the
 * determination's outcome. Said from what the registry stored at the closing (status, outcome,
 * close reason) and what the case's other records hold (its items' decisions, the withdrawal's note,
 * the liability determination). The case page and its timeline both say it.
 */
@Component
class ClosingReasons {

    private static final Pattern CASE_NUMBER = Pattern.compile("CM\\d{2}-\\d{7}");

    /** The sentence, and for a case joined into another, that case's number (the page links it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Closing(String sentence, String joinedInto) {
    }

    private final CaseRegistry registry;
    private final EligibilityRuleNames ruleNames;
    private final HistoryService historyService;
    private final JdbcClient jdbc;

    ClosingReasons(CaseRegistry registry, EligibilityRuleNames ruleNames, HistoryService historyService,
            JdbcClient jdbc) {
        this.registry = registry;
        this.ruleNames = ruleNames;
        this.historyService = historyService;
        this.jdbc = jdbc;
    }

    /** Why the case closed; null for an open case. */
    Closing of(CaseRecord record) {
        if (record.isOpen() || record.closedAt() == null) {
            return null;
        }
        String reason = record.closeReason() == null ? "" : record.closeReason().strip();
        return switch (CaseStatus.valueOf(record.status())) {
            case WITHDRAWN -> new Closing(withdrawn(record, reason), null);
            case INELIGIBLE -> new Closing(ineligible(record, reason), null);
            case CONSOLIDATED -> consolidated(reason);
            case DETERMINATION_ISSUED -> new Closing(determined(record), null);
            case OPEN -> null;
        };
    }

    private String withdrawn(CaseRecord record, String reason) {
        String sentence = switch (reason) {
            case "EMPLOYEE_WITHDREW" -> "Withdrawn by the employee: the review ended without a determination.";
            case "TREATMENT_AUTHORIZED" -> "Review terminated: the claims administrator authorized the disputed "
                    + "treatment, so no determination was needed.";
            case "" -> "Withdrawn: the review ended without a determination.";
            default -> "Withdrawn: " + (reason.matches("[A-Z_]+") ? CaseTimeline.words(reason) : reason) + ".";
        };
        String note = withdrawalNote(record);
        return note == null ? sentence : sentence + " Note recorded with it: " + note;
    }

    /** The note staff recorded with the withdrawal (POST /api/cases/{n}/withdrawal), kept by the case process. */
    private String withdrawalNote(CaseRecord record) {
        if (record.processInstanceId() == null) {
            return null;
        }
        List<HistoricVariableInstance> notes = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(record.processInstanceId()).variableName("withdrawalNote").list();
        return notes.stream().map(HistoricVariableInstance::getValue).filter(String.class::isInstance)
                .map(String.class::cast).filter(note -> !note.isBlank()).findFirst().orElse(null);
    }

    private String ineligible(CaseRecord record, String codes) {
        String findings = ruleNames.inWords(codes);
        String sentence = findings == null ? "Not eligible for independent medical review."
                : "Not eligible for independent medical review: " + findings + ".";
        return liabilityDenied(record) ? "Not eligible for independent medical review: liability for the claim "
                + "was denied" + (findings == null ? "." : " (" + findings + ").") : sentence;
    }

    /** Whether the case ended on a liability determination that denied liability (after a deferral). */
    private boolean liabilityDenied(CaseRecord record) {
        return jdbc.sql("select decision from imr_screening_decision where case_id = ? order by decided_at desc, id desc")
                .param(record.id()).query(String.class).list().stream().findFirst()
                .filter("LIABILITY_DENIED"::equals).isPresent();
    }

    private static Closing consolidated(String reason) {
        Matcher number = CASE_NUMBER.matcher(reason);
        if (!number.find()) {
            return new Closing("Consolidated into an earlier case of the same employee, requesting physician and "
                    + "date of injury" + (reason.isEmpty() ? "." : ": " + reason + "."), null);
        }
        return new Closing("Consolidated into case " + number.group() + ", an earlier application of the same "
                + "employee, requesting physician and date of injury: the review goes on there.", number.group());
    }

    private String determined(CaseRecord record) {
        List<StoredItem> items = registry.items(record.id());
        long overturned = items.stream().filter(item -> "OVERTURNED".equals(item.decision())).count();
        String outcome = record.outcome() == null ? "" : record.outcome();
        return "Final determination issued: " + switch (outcome) {
            case "UPHELD" -> items.size() == 1 ? "upheld, the disputed treatment was found not medically necessary."
                    : "upheld, none of the " + items.size() + " disputed treatments was found medically necessary.";
            case "OVERTURNED" -> items.size() == 1 ? "overturned, the disputed treatment was found medically necessary."
                    : "overturned, all " + items.size() + " disputed treatments were found medically necessary.";
            case "MIXED" -> "upheld in part, overturned in part: " + overturned + " of " + items.size()
                    + " disputed treatments found medically necessary.";
            case "" -> "see the letter for each disputed treatment.";
            default -> CaseTimeline.words(outcome) + ".";
        };
    }
}
