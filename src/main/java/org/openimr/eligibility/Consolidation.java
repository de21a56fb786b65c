package org.openimr.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseVariables;
import org.openimr.system.InvalidInputException;
import org.openimr.system.TextRules;
import org.springframework.stereotype.Component;

/**
 * Consolidation (8 CCR 9792.10.4(a)): an application may be joined into an earlier case of the same
 * employee, requesting physician and date of injury, for a single determination. A case is offered
 * while it can still take more items without delaying or redoing anything: open, found eligible (its
 * notice of assignment sent), not yet at reviewer selection, in its first review, on the same track
 * (regular or expedited, formulary or not, so that its deadlines hold for the joined items too), and
 * received within {@code imr.consolidation.window-days} of the application. The eligibility step
 * raises the earliest such case as finding {@value #FINDING}; the screener joins the application into
 * it or keeps it separate.
 */
@Component
class Consolidation {

    static final String FINDING = "C1";
    /** The case to join into: the candidate found, as the form's field shows it and the screener leaves it. */
    static final String INTO = "consolidateInto";
    static final String SHOWN = "consolidationCandidateShown";
    /** Why the screener joined or kept the application separate. */
    static final String NOTE = "consolidationNote";
    /** The screener who joined the application, for the earlier case's history. */
    static final String BY = "consolidatedBy";

    private final CaseRegistry registry;
    private final RuntimeService runtimeService;
    private final ObjectMapper objectMapper;
    private final ConsolidationProperties properties;

    Consolidation(CaseRegistry registry, RuntimeService runtimeService, ObjectMapper objectMapper,
            ConsolidationProperties properties) {
        this.registry = registry;
        this.runtimeService = runtimeService;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** The cases this application could be joined into now, the earliest first. */
    List<CaseRecord> candidates(CaseRecord record, VariableScope scope) {
        LocalDate received = record.applicationReceivedDate();
        String injured = dateOfInjury(record);
        Object formulary = scope.getVariable(CaseVariables.FORMULARY_DISPUTE);
        return registry.consolidationCandidates(record, received.minusDays(properties.windowDays()),
                        received.plusDays(properties.windowDays())).stream()
                .filter(candidate -> injured != null && injured.equals(dateOfInjury(candidate)))
                .filter(candidate -> candidate.processInstanceId() != null && Objects.equals(formulary,
                        runtimeService.getVariable(candidate.processInstanceId(), CaseVariables.FORMULARY_DISPUTE)))
                .toList();
    }

    /** The finding's reason, as the screener reads it, when there is a case to join; sets {@link #INTO}. */
    Optional<String> offer(CaseRecord record, VariableScope scope) {
        List<CaseRecord> candidates = candidates(record, scope);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        CaseRecord first = candidates.get(0);
        scope.setVariable(INTO, first.caseNumber());
        scope.setVariable(SHOWN, String.join("\n", candidates.stream().map(Consolidation::shown).toList()));
        return Optional.of("IMR case " + first.caseNumber() + " of the same employee, requesting physician and date of "
                + "injury is open and not yet with a reviewer: the applications may be joined for a single "
                + "determination (8 CCR 9792.10.4(a)).");
    }

    /**
     * The case the screener joins the application into ({@link #INTO}): one of the cases it may be
     * joined into now. Only an eligible application is joined, so the other findings come first.
     */
    CaseRecord into(VariableScope task, CaseRecord record, List<String> findings) {
        if (!findings.contains(FINDING)) {
            throw new InvalidInputException(ScreenApplicationListener.DECISION,
                    "may be CONSOLIDATE only when an earlier case to join was found (" + FINDING + ")");
        }
        if (findings.size() > 1) {
            throw new InvalidInputException(ScreenApplicationListener.DECISION,
                    "may be CONSOLIDATE only once the other findings are decided: only an eligible application is joined");
        }
        String named = task.getVariable(INTO) instanceof String text ? text.strip() : "";
        List<CaseRecord> candidates = candidates(record, task);
        return candidates.stream().filter(candidate -> candidate.caseNumber().equalsIgnoreCase(named)).findFirst()
                .orElseThrow(() -> new InvalidInputException(INTO, candidates.isEmpty()
                        ? "must name an open case not yet with a reviewer, and none is left: keep the application separate"
                        : "must name an open case of the same employee, requesting physician and date of injury, not yet "
                                + "with a reviewer: " + String.join(", ", candidates.stream().map(CaseRecord::caseNumber)
                                        .toList())));
    }

    /** The note a decision on the finding needs: required to keep the application separate. */
    static String note(VariableScope task, boolean required) {
        String note = task.getVariable(NOTE) instanceof String text && !text.isBlank() ? text.strip() : null;
        if (note == null && required) {
            throw new InvalidInputException(NOTE, "is required to keep the application separate");
        }
        String refused = note == null ? null : note.length() > ScreenApplicationListener.MAX_REASON
                ? "must be at most " + ScreenApplicationListener.MAX_REASON + " characters" : TextRules.problem(note);
        if (refused != null) {
            throw new InvalidInputException(NOTE, refused);
        }
        return note;
    }

    private static String shown(CaseRecord candidate) {
        return "- Case " + candidate.caseNumber() + ", received " + candidate.applicationReceivedDate() + ", "
                + (candidate.stage().equals("RECORDS_CHECK") ? "records being checked" : "awaiting records");
    }

    private String dateOfInjury(CaseRecord record) {
        try {
            String date = objectMapper.readTree(record.applicationJson()).path("employee").path("dateOfInjury").asText("");
            return date.isEmpty() ? null : date;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored applications are JSON", e);
        }
    }
}
