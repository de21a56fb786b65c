package org.openimr.eligibility;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openimr.system.InvalidInputException;
import org.openimr.system.TextRules;

/**
 * A screener's request for information: the party asked ({@code informationParty}) and what is
 * missing ({@code informationRequested}), as the "Screen application" form sets them. The request
 * notice (letter.SendInformationRequestDelegate) reads the same variables; {@code informationRequests}
 * counts the requests of the case, so that each is sent once.
 */
record InformationRequest(Party party, String requested) {

    static final String PARTY = "informationParty";
    static final String REQUESTED = "informationRequested";
    static final String REQUESTS = "informationRequests";
    /** What was asked of whom, as the returning "Screen application" form shows it beside the answer. */
    static final String ASKED = "informationAsked";
    static final int MAX_REQUESTED = 1900;

    /** The parties screening may ask: the employee (or the representative), the physician, the claims administrator. */
    enum Party {
        EMPLOYEE, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    static InformationRequest of(VariableScope scope) {
        Party party = null;
        if (scope.getVariable(PARTY) instanceof String code) {
            for (Party candidate : Party.values()) {
                if (candidate.name().equals(code)) {
                    party = candidate;
                }
            }
        }
        if (party == null) {
            throw new InvalidInputException(PARTY, "must be one of EMPLOYEE, REQUESTING_PHYSICIAN, CLAIMS_ADMINISTRATOR");
        }
        String requested = scope.getVariable(REQUESTED) instanceof String text && !text.isBlank() ? text.strip() : null;
        if (requested == null) {
            throw new InvalidInputException(REQUESTED, "is required to request information");
        }
        String refused = requested.length() > MAX_REQUESTED ? "must be at most " + MAX_REQUESTED + " characters"
                : TextRules.problem(requested);
        if (refused != null) {
            throw new InvalidInputException(REQUESTED, refused);
        }
        return new InformationRequest(party, requested);
    }

    static int count(VariableScope scope) {
        return scope.getVariable(REQUESTS) instanceof Number number ? number.intValue() : 0;
    }

    /** As the screening history keeps it. */
    String summary() {
        return "Asked of the " + party.label() + ": " + requested;
    }
}
