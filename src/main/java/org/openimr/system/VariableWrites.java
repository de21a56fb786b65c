package org.openimr.system;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a case variable only when its value changes. With history FULL every write is a history
 * detail row and an update of the variable's history, even when the value is the one it had, and
 * several steps would re-write a deadline or stage that has not changed (the determination clock
 * confirmed at the records check, the stage of each item).
 */
public final class VariableWrites {

    /** What a process variable of type String holds in the engine's tables. */
    public static final int STRING_LIMIT = 4000;

    private VariableWrites() {
    }

    /** Sets the variable where {@link VariableScope#setVariable} would, unless it is there with this value. */
    public static void setIfChanged(VariableScope scope, String name, Object value) {
        if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
            scope.setVariable(name, value);
        }
    }
}
