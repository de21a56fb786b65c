package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseClosing;
import org.openimr.cases.CaseJoined;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.JoinedItem;
import org.openimr.cases.CaseStatus;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.ReviewItems;
import org.openimr.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Join application to earlier case": the application's items under review move into the case the
 * screener chose ({@code consolidateInto}), numbered on after its items, and its documents on file
 * follow them ({@link CaseJoined}). That case's review decides the items with its own, under its own
 * deadlines: the earlier clock is the stricter one, so joining never delays the items already under
 * review. The application closes as CONSOLIDATED, not as ineligible, and both cases' screening
 * histories (their timelines) say so. {@code consolidatedItems} lists the moves, one line each, for
 * the consolidation notice.
 */
@Component("joinApplication")
class JoinApplicationDelegate implements JavaDelegate {

    static final String JOINED_ITEMS = "consolidatedItems";
    static final String STAGE = "CONSOLIDATED";

    private final CaseRegistry registry;
    private final CaseClosing closing;
    private final ScreeningHistory history;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;

    JoinApplicationDelegate(CaseRegistry registry, CaseClosing closing, ScreeningHistory history,
            RuntimeService runtimeService, ApplicationEventPublisher events) {
        this.registry = registry;
        this.closing = closing;
        this.history = history;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord from = registry.caseOf(execution);
        if (!from.isOpen()) {
            return;  // joined already
        }
        CaseRecord into = registry.caseOf((String) execution.getVariable(Consolidation.INTO));
        List<JoinedItem> joined = registry.joinItems(from, into);
        if (joined.isEmpty()) {
            throw new InvalidInputException(Consolidation.INTO, "must name an open case not yet with a reviewer: case "
                    + into.caseNumber() + " moved on meanwhile; keep the application separate");
        }
        extendReview(into, joined);
        events.publishEvent(new CaseJoined(from.id(), from.caseNumber(), into.id(), into.caseNumber()));
        registry.updateStage(from.caseNumber(), STAGE);
        closing.close(from, CaseStatus.CONSOLIDATED, null, "Joined into case " + into.caseNumber());
        execution.setVariable(CaseVariables.STAGE, STAGE);
        List<String> lines = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        for (JoinedItem item : joined) {
            lines.add("(" + item.fromItemNo() + ") " + item.requestedTreatment().strip().replaceAll("\\s+", " ")
                    + ": item (" + item.itemNo() + ") of IMR case " + into.caseNumber());
            moves.add("(" + item.fromItemNo() + ") as (" + item.itemNo() + ")");
        }
        execution.setVariable(JOINED_ITEMS, String.join("\n", lines));
        history.record(into.id(), "", STAGE, "Application of case " + from.caseNumber()
                + " joined into this case: its items " + String.join(", ", moves) + ".",
                (String) execution.getVariable(Consolidation.BY));
    }

    /** The earlier case's review decides the joined items too: they are added to its item variables. */
    private void extendReview(CaseRecord into, List<JoinedItem> joined) {
        String instance = into.processInstanceId();
        Map<String, Object> current = runtimeService.getVariables(instance,
                List.of(CaseVariables.ITEM_COUNT, CaseVariables.REQUESTED_ITEMS, ReviewItems.VARIABLE));
        Map<String, Object> changed = new HashMap<>();
        StringBuilder requested = new StringBuilder((String) current.get(CaseVariables.REQUESTED_ITEMS));
        List<Integer> numbers = new ArrayList<>();
        for (JoinedItem item : joined) {
            requested.append('\n').append(item.itemNo()).append(". ").append(item.requestedTreatment());
            numbers.add(item.itemNo());
        }
        changed.put(CaseVariables.REQUESTED_ITEMS, requested.toString());
        changed.put(CaseVariables.ITEM_COUNT, ((Number) current.get(CaseVariables.ITEM_COUNT)).intValue() + joined.size());
        if (current.get(ReviewItems.VARIABLE) instanceof String review && !review.isBlank()) {
            List<Integer> all = new ArrayList<>(ReviewItems.parse(review));
            all.addAll(numbers);
            changed.put(ReviewItems.VARIABLE, ReviewItems.text(all));
        }
        runtimeService.setVariables(instance, changed);
    }
}
