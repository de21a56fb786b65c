package org.openimr.decision;

import java.util.List;
import org.openimr.cases.CaseRegistry.StoredItem;

/** The outcome of a whole case, as the registry and the letter's process keep it once the letter is issued. */
public enum CaseOutcome {
    UPHELD,
    OVERTURNED,
    MIXED;

    /** UPHELD or OVERTURNED when the reviewer decided every item the same way, MIXED otherwise. */
    public static CaseOutcome of(List<StoredItem> items) {
        List<String> decisions = items.stream().map(StoredItem::decision).toList();
        if (decisions.stream().allMatch(ItemDecision.UPHELD.name()::equals)) {
            return UPHELD;
        }
        return decisions.stream().allMatch(ItemDecision.OVERTURNED.name()::equals) ? OVERTURNED : MIXED;
    }
}
