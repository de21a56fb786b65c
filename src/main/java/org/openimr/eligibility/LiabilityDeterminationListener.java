package org.openimr.eligibility;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Ends the deferral of a case whose liability was disputed (E6), as the claims administrator's
 * recorded determination says: liability accepted takes the dispute out of the findings, and the
 * case is clean (on to the notice of assignment) or goes back to screening for what else was found;
 * liability not accepted leaves one finding, the determination, for the ineligibility notice.
 * Called as {@code ${liabilityDetermination.recorded(execution)}} when the deferral ends (public, as
 * the expression language calls it).
 */
@Component("liabilityDetermination")
public class LiabilityDeterminationListener {

    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    public void recorded(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(LiabilityDeterminations.ACCEPTED))) {
            Findings.remove(execution, Findings.LIABILITY_DISPUTED);
            return;
        }
        Date determined = (Date) execution.getVariable(LiabilityDeterminations.DETERMINATION_DATE);
        String on = CaseClock.dateOf(determined.toInstant()).format(LETTER_DATE);
        Findings.set(execution, List.of(Findings.LIABILITY_DISPUTED), List.of("The claims administrator determined on "
                + on + " that it is not liable for the injury or body part; the dispute is not one for independent "
                + "medical review (8 CCR 9792.10.3(d))."));
    }
}
