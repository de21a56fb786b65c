package org.openimr.cases;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which disputed items the running review decides: every item of the application, or, in a review
 * after a remand, those the order concerns. The case process decides them one by one (a
 * multi-instance of {@link CaseVariables#ITEM_COUNT} instances); {@link #itemNo} tells each instance
 * its item.
 */
public final class ReviewItems {

    /** The item numbers of a review after a remand, as text ("2,3"); absent in a first review. */
    public static final String VARIABLE = "reviewItems";

    private ReviewItems() {
    }

    /** The item number the instance with this loop counter (0, 1, ...) decides. */
    public static int itemNo(VariableScope execution, int loopCounter) {
        Object items = execution.getVariable(VARIABLE);
        return items instanceof String text && !text.isBlank() ? parse(text).get(loopCounter) : loopCounter + 1;
    }

    public static String text(List<Integer> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
