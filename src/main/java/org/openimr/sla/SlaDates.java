package org.openimr.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.openimr.system.VariableWrites;

/** Reads and writes the date variables of the case process as instants. */
final class SlaDates {

    private SlaDates() {
    }

    static Instant get(VariableScope scope, String name) {
        return scope.getVariable(name) instanceof Date date ? date.toInstant() : null;
    }

    static void set(VariableScope scope, String name, Instant value) {
        VariableWrites.setIfChanged(scope, name, CaseClock.toDate(value));
        if (SlaVariables.SLA_DUE_AT.equals(name)) {
            // Tasklist's list shows a Date in the browser's time zone; the case's deadline reads in California's.
            VariableWrites.setIfChanged(scope, SlaVariables.SLA_DUE_AT_TEXT, value == null ? null : FormDates.text(value));
        }
    }
}
