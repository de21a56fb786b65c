package org.openimr.publication;

import java.time.LocalDate;
import java.util.List;

/**
 * What identifies the people of a case, as the case holds it: the names of people (the employee,
 * their representative, the physician, every reviewer), of organizations (the physician's group,
 * the employer, the claims administrator), the addresses, the claim number, and every date (birth,
 * injury, the application's and the UR decision's, the requests').
 */
record CaseIdentifiers(List<Identifier> people, List<Identifier> organizations, List<Identifier> addresses,
        String claimNumber, List<LocalDate> dates) {

    /** An identifying text and what it is, for the reason a determination is withheld (never the text itself). */
    record Identifier(String kind, String text) {
    }

    CaseIdentifiers {
        people = present(people);
        organizations = present(organizations);
        addresses = present(addresses);
        dates = dates.stream().filter(d -> d != null).distinct().toList();
    }

    private static List<Identifier> present(List<Identifier> identifiers) {
        return identifiers.stream().filter(i -> i.text() != null && !i.text().isBlank()).toList();
    }
}
