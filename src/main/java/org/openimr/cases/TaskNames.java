package org.openimr.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Names each task of a case for the list it appears in: what it is and which case it is of, so
 * that two tasks of one case, or of two cases, can be told apart. "Decide disputed item 2 of 3:
 * Lumbar MRI (CM14-0000001)", "Check records completeness (CM14-0000001)". The activity's own
 * name comes first, so a list sorted by name groups the tasks of a kind and puts a case's items
 * in their order. An item keeps its number in the application when the review decides only some
 * items (items screened out, a remand): "Decide disputed item 3 (2 of 2 under review): ...". Set as
 * each task is created (Camunda's Spring task events), which leaves the process model as it is.
 */
@Component
class TaskNames {

    /** Enough of a treatment to recognise it; the form shows it whole. */
    private static final int TREATMENT_SHOWN = 60;

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void name(DelegateTask task) {
        if (!(task.getVariable(CaseVariables.CASE_NUMBER) instanceof String caseNumber) || task.getName() == null) {
            return;
        }
        StringBuilder name = new StringBuilder(task.getName());
        if (task.getVariable("itemNo") instanceof Number itemNo
                && task.getVariable(CaseVariables.ITEM_COUNT) instanceof Number count) {
            name.append(' ').append(itemNo);
            List<Integer> reviewed = task.getVariable(ReviewItems.VARIABLE) instanceof String items && !items.isBlank()
                    ? ReviewItems.parse(items) : List.of();
            if (reviewed.isEmpty()) {
                name.append(" of ").append(count);
            } else {
                name.append(" (").append(reviewed.indexOf(itemNo.intValue()) + 1).append(" of ").append(reviewed.size())
                        .append(" under review)");
            }
            if (task.getVariable("requestedTreatment") instanceof String treatment) {
                name.append(": ").append(shortened(treatment));
            }
        }
        task.setName(name.append(" (").append(caseNumber).append(')').toString());
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= TREATMENT_SHOWN ? line : line.substring(0, TREATMENT_SHOWN - 1) + "…";
    }
}
