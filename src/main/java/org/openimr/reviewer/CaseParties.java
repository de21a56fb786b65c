package org.openimr.reviewer;

import java.util.Locale;
import java.util.stream.Stream;
import org.openimr.reviewer.Reviewer.Affiliation;
import org.openimr.reviewer.Reviewer.PartyType;

/** The parties of a case a reviewer must have no tie to. */
public record CaseParties(String employee, String employer, String claimsAdministrator, String physician,
        String physicianGroup) {

    /** Why an affiliation conflicts with this case, or null when it does not. */
    String conflict(Affiliation affiliation) {
        String name = normalize(affiliation.partyName());
        return switch (affiliation.partyType()) {
            case EMPLOYEE -> same(name, employee) ? "affiliated with the employee" : null;
            case EMPLOYER -> same(name, employer) ? "affiliated with the employer" : null;
            case CLAIMS_ADMINISTRATOR, INSURER -> same(name, claimsAdministrator)
                    ? "affiliated with the claims administrator" : null;
            case PHYSICIAN -> same(name, physician) ? "affiliated with the requesting physician" : null;
            case PROVIDER_GROUP -> same(name, physicianGroup) ? "affiliated with the requesting physician's group" : null;
            case OTHER -> Stream.of(employee, employer, claimsAdministrator, physician, physicianGroup)
                    .anyMatch(party -> same(name, party)) ? "affiliated with a party to the case" : null;
        };
    }

    private static boolean same(String normalizedName, String party) {
        return party != null && normalizedName.equals(normalize(party));
    }

    static String normalize(String name) {
        return name.strip().replaceAll("[\\s.,]+", " ").toLowerCase(Locale.ROOT).strip();
    }

}
