package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.ReviewItems;
import org.openimr.system.InvalidInputException;

/**
 * The screener's decision on duplicate items (E7): the items named in {@code excludedItems} ("1, 3"),
 * each one intake found repeating an item of an earlier case ({@code duplicateItems}), are left out of
 * the review with their reason; the review decides the others ({@code reviewItems}, {@code itemCount}),
 * and the duplicate finding is answered. {@code screenedOutItems} lists them for the per-item
 * ineligibility notice, one line each.
 */
final class ExcludedItems {

    static final String EXCLUDED = "excludedItems";
    static final String DUPLICATES = "duplicateItems";
    static final String SCREENED_OUT = "screenedOutItems";
    static final String DUPLICATE = "E7";

    private ExcludedItems() {
    }

    /** Applies the decision and returns the excluded item numbers for the screening history. */
    static String apply(DelegateTask task, CaseRegistry registry, CaseRecord record) {
        Map<Integer, String> duplicates = duplicates((String) task.getVariable(DUPLICATES));
        if (duplicates.isEmpty()) {
            throw new InvalidInputException(ScreenApplicationListener.DECISION,
                    "may be EXCLUDE_ITEMS only when items repeat an earlier case (E7)");
        }
        TreeSet<Integer> excluded = new TreeSet<>();
        String text = task.getVariable(EXCLUDED) instanceof String answer ? answer.strip() : "";
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Integer itemNo = part.matches("\\d{1,2}") ? Integer.valueOf(part) : null;
            if (itemNo == null || !duplicates.containsKey(itemNo)) {
                throw new InvalidInputException(EXCLUDED, "must name only the duplicate items " + duplicates.keySet()
                        .stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
            }
            excluded.add(itemNo);
        }
        List<StoredItem> items = registry.items(record.id());
        if (excluded.isEmpty()) {
            throw new InvalidInputException(EXCLUDED, "is required to leave items out of the review");
        }
        if (excluded.size() == items.size()) {
            throw new InvalidInputException(EXCLUDED, "must not name every item: confirm the findings instead (not eligible)");
        }
        List<Integer> remaining = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (StoredItem item : items) {
            if (excluded.contains(item.itemNo())) {
                String reason = duplicates.get(item.itemNo());
                registry.screenOutItem(record.id(), item.itemNo(), reason);
                lines.add("(" + item.itemNo() + ") " + item.requestedTreatment().strip().replaceAll("\\s+", " ")
                        + ": " + reason);
            } else {
                remaining.add(item.itemNo());
            }
        }
        task.setVariable(ReviewItems.VARIABLE, ReviewItems.text(remaining));
        task.setVariable(CaseVariables.ITEM_COUNT, remaining.size());
        task.setVariable(SCREENED_OUT, String.join("\n", lines));
        task.setVariable(EXCLUDED, ReviewItems.text(List.copyOf(excluded)));
        Findings.remove(task, DUPLICATE);
        return ReviewItems.text(List.copyOf(excluded));
    }

    private static Map<Integer, String> duplicates(String text) {
        Map<Integer, String> duplicates = new LinkedHashMap<>();
        if (text != null) {
            text.lines().forEach(line -> {
                int bar = line.indexOf('|');
                duplicates.put(Integer.valueOf(line.substring(0, bar)), line.substring(bar + 1));
            });
        }
        return duplicates;
    }
}
