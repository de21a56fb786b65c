package org.openimr.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
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
 * it or keeps it separate. An earlier case still in screening is raised too, to be joined once it is
 * found eligible: the application waits at "Screen application" and is offered it then.
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
    /** The cases the screener kept the application separate from: not offered again. */
    static final String KEPT_SEPARATE = "consolidationKeptSeparate";
    /** The stages of a case still in screening: at "Screen application", awaiting information, or deferred. */
    static final List<String> SCREENING_STAGES = List.of("SCREENING", "AWAITING_INFORMATION", "DEFERRED");

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
        return candidates(record, scope.getVariable(CaseVariables.FORMULARY_DISPUTE), CaseRegistry.JOINABLE_STAGES);
    }

    /**
     * The earlier cases, registered before this application, that would be candidates but are still in
     * screening (the screener has not found them eligible yet): offered once they are ({@link #offerAgain}).
     */
    List<CaseRecord> inScreening(CaseRecord record, VariableScope scope) {
        return candidates(record, scope.getVariable(CaseVariables.FORMULARY_DISPUTE), SCREENING_STAGES).stream()
                .filter(candidate -> candidate.id() < record.id()).toList();
    }

    private List<CaseRecord> candidates(CaseRecord record, Object formulary, List<String> stages) {
        LocalDate received = record.applicationReceivedDate();
        String injured = dateOfInjury(record);
        return registry.consolidationCandidates(record, received.minusDays(properties.windowDays()),
                        received.plusDays(properties.windowDays()), stages).stream()
                .filter(candidate -> injured != null && injured.equals(dateOfInjury(candidate)))
                .filter(candidate -> candidate.processInstanceId() != null && Objects.equals(formulary,
                        runtimeService.getVariable(candidate.processInstanceId(), CaseVariables.FORMULARY_DISPUTE)))
                .toList();
    }

    /**
     * The finding's reason, as the screener reads it, when there is a case to join (and sets
     * {@link #INTO}), or an earlier one still in screening, which this application then waits for
     * at "Screen application".
     */
    Optional<String> offer(CaseRecord record, VariableScope scope) {
        List<CaseRecord> candidates = candidates(record, scope);
        List<CaseRecord> waiting = inScreening(record, scope);
        if (candidates.isEmpty() && waiting.isEmpty()) {
            return Optional.empty();
        }
        scope.setVariable(SHOWN, String.join("\n", Stream.concat(candidates.stream(), waiting.stream())
                .map(Consolidation::shown).toList()));
        if (candidates.isEmpty()) {
            scope.removeVariable(INTO);
            CaseRecord first = waiting.get(0);
            return Optional.of("IMR case " + first.caseNumber() + " of the same employee, requesting physician and date "
                    + "of injury is still in screening: once it is found eligible it is offered here to join for a "
                    + "single determination (8 CCR 9792.10.4(a)); keep the application separate to go on without it.");
        }
        CaseRecord first = candidates.get(0);
        scope.setVariable(INTO, first.caseNumber());
        return Optional.of(reason(first));
    }

    /**
     * An earlier case has just been found eligible (it awaits its records): each later application of the
     * same employee, requesting physician and date of injury still in screening, whose screener has not
     * kept it separate from that case, is offered it (finding {@value #FINDING}, in place of any it had),
     * so that the screener sees it on "Screen application", now or when the application comes back there.
     */
    void offerAgain(CaseRecord earlier) {
        LocalDate received = earlier.applicationReceivedDate();
        for (CaseRecord later : registry.consolidationCandidates(earlier, received.minusDays(properties.windowDays()),
                received.plusDays(properties.windowDays()), SCREENING_STAGES)) {
            if (later.id() < earlier.id() || later.processInstanceId() == null) {
                continue;
            }
            String instance = later.processInstanceId();
            Map<String, Object> current = runtimeService.getVariables(instance, List.of(Findings.CODES, Findings.REASONS,
                    CaseVariables.FORMULARY_DISPUTE, KEPT_SEPARATE));
            if (Findings.codes((String) current.get(KEPT_SEPARATE)).contains(earlier.caseNumber())) {
                continue;
            }
            List<CaseRecord> candidates = candidates(later, current.get(CaseVariables.FORMULARY_DISPUTE),
                    CaseRegistry.JOINABLE_STAGES);
            if (candidates.stream().noneMatch(candidate -> candidate.id() == earlier.id())) {
                continue;
            }
            CaseRecord first = candidates.get(0);
            Map<String, Object> changed = new HashMap<>(Findings.with(current.get(Findings.CODES),
                    current.get(Findings.REASONS), FINDING, reason(first)));
            changed.put(INTO, first.caseNumber());
            changed.put(SHOWN, String.join("\n", candidates.stream().map(Consolidation::shown).toList()));
            runtimeService.setVariables(instance, changed);
        }
    }

    /**
     * The screener keeps the application separate from the cases offered beside finding {@value #FINDING}
     * (those still open): they are not offered again. Returns them as the screening history names them
     * ("case CM14-0000007").
     */
    String keepSeparate(VariableScope task, CaseRecord record) {
        List<String> offered = Stream.concat(candidates(record, task).stream(), inScreening(record, task).stream())
                .map(CaseRecord::caseNumber).toList();
        List<String> numbers = new ArrayList<>(Findings.codes((String) task.getVariable(KEPT_SEPARATE)));
        numbers.addAll(offered);
        task.setVariable(KEPT_SEPARATE, String.join(",", numbers));
        if (offered.isEmpty()) {
            return task.getVariable(INTO) instanceof String into ? "case " + into : "the earlier case";
        }
        return "case " + String.join(", ", offered);
    }

    private static String reason(CaseRecord candidate) {
        return "IMR case " + candidate.caseNumber() + " of the same employee, requesting physician and date of "
                + "injury is open and not yet with a reviewer: the applications may be joined for a single "
                + "determination (8 CCR 9792.10.4(a)).";
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
        for (CaseRecord waiting : inScreening(record, task)) {
            if (waiting.caseNumber().equalsIgnoreCase(named)) {
                throw new InvalidInputException(INTO, "must name a case found eligible: case " + waiting.caseNumber()
                        + " is still in screening; it is offered here once it is found eligible, or keep the "
                        + "application separate");
            }
        }
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
                + switch (candidate.stage()) {
                    case "RECORDS_CHECK" -> "records being checked";
                    case "AWAITING_RECORDS" -> "awaiting records";
                    default -> "still in screening: it can be joined once found eligible";
                };
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
