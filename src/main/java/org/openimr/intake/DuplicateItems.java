package org.openimr.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openimr.cases.CaseRegistry.EarlierItem;
import org.openimr.cases.DisputedItem;

/**
 * The items of a new application that repeat an item of an earlier open or decided case (E7): the
 * same claim, treatment and UR decision. Kept for screening as {@code duplicateItems}, one line an
 * item, "itemNo|reason" (the reason as the per-item ineligibility notice gives it), and as
 * {@code duplicateItemsShown}, the list the "Screen application" form shows.
 */
final class DuplicateItems {

    static final String VARIABLE = "duplicateItems";
    static final String SHOWN = "duplicateItemsShown";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private final String urDecision;
    private final List<String> lines = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();

    DuplicateItems(LocalDate urDecisionDate) {
        this.urDecision = DATE.format(urDecisionDate);
    }

    void add(int itemNo, DisputedItem item, List<EarlierItem> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        EarlierItem first = earlier.get(0);
        String reason = "The same treatment under the same utilization review decision (" + urDecision
                + ") is the subject of item (" + first.itemNo() + ") of IMR case " + first.caseNumber()
                + "; a second review of it is not eligible (8 CCR 9792.10.3(a)(2)).";
        lines.add(itemNo + "|" + reason);
        shown.add("- Item (" + itemNo + ") " + item.requestedTreatment().strip().replaceAll("\\s+", " ") + ": "
                + String.join(", ", earlier.stream().map(e -> "item (" + e.itemNo() + ") of case " + e.caseNumber()
                        + (e.status().equals("OPEN") ? " (open)" : " (decided)")).toList()));
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    Map<String, Object> variables() {
        return isEmpty() ? Map.of() : Map.of(VARIABLE, String.join("\n", lines), SHOWN, String.join("\n", shown));
    }
}
