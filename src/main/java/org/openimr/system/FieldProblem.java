package org.openimr.system;

/** One bad input field: its path in the request (e.g. {@code disputedItems[0].priorUnits}) and why. */
public record FieldProblem(String field, String problem) {
}
