package org.openimr.system;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Deadlines as the Tasklist forms show them. Tasklist hands a Date variable to a Camunda Form as
 * an ISO string in the browser's time zone, and form-js cannot format dates; so each deadline a
 * form shows has a text twin, {@code <name>Text}, in California time ("December 11, 2026,
 * 11:59 PM"), written wherever the Date is.
 */
public final class FormDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.US);

    private FormDates() {
    }

    public static String text(Instant instant) {
        return FORMAT.format(CaseClock.inCalifornia(instant));
    }

    /** Sets the Date variable and its text twin (both removed when the value is null). */
    public static void set(VariableScope scope, String name, Instant value) {
        if (value == null) {
            remove(scope, name);
        } else {
            VariableWrites.setIfChanged(scope, name, CaseClock.toDate(value));
            VariableWrites.setIfChanged(scope, name + "Text", text(value));
        }
    }

    public static void remove(VariableScope scope, String name) {
        scope.removeVariable(name);
        scope.removeVariable(name + "Text");
    }
}
