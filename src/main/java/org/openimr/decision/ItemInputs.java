package org.openimr.decision;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ItemField;
import org.openimr.system.CaseClock;

/**
 * The variables the guideline tables see for one item: every field of the contract (null when
 * the item lacks it, dates as the engine's date type) plus the inputs the evaluator derives.
 * A view rather than a copy: a table reads a handful of the ~140 fields, so they are looked up
 * when read; the full map is built only if someone iterates it (the process engine does).
 */
final class ItemInputs extends AbstractMap<String, Object> {

    private final DisputedItem item;
    private final Map<String, Object> derived = new HashMap<>();
    private Map<String, Object> all;

    ItemInputs(DisputedItem item) {
        this.item = item;
    }

    @Override
    public Object get(Object name) {
        if (derived.containsKey(name)) {
            return derived.get(name);
        }
        Object value = item.get((String) name);
        return value instanceof LocalDate date ? Date.from(CaseClock.startOf(date)) : value;
    }

    @Override
    public boolean containsKey(Object name) {
        return derived.containsKey(name) || name instanceof String field
                && (DisputedItemFields.byName(field) != null || item.facts().containsKey(field));
    }

    @Override
    public Object put(String name, Object value) {
        all = null;
        return derived.put(name, value);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (all == null) {
            all = new HashMap<>();
            for (ItemField field : DisputedItemFields.ALL) {
                all.put(field.name(), get(field.name()));
            }
            item.facts().keySet().forEach(name -> all.putIfAbsent(name, get(name)));
            all.putAll(derived);
        }
        return all.entrySet();
    }
}
