package org.openimr.reviewer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.openimr.reviewer.Reviewer.Affiliation;

/** The parties of a case a reviewer must have no tie to (shared/domain/imr-process.md §5 R1, R9). */
public record CaseParties(String employee, String representative, String employer, String claimsAdministrator,
        String physician, String physicianGroup) {

    /** Words that do not tell two parties apart: titles, degrees and company forms. */
    private static final Set<String> TITLES = Set.of("dr");
    private static final Set<String> SUFFIXES = Set.of("md", "do", "phd", "dc", "inc", "llc", "llp", "lp", "ltd",
            "co", "corp", "corporation", "company", "pc", "apc");

    /** Why an affiliation conflicts with this case, or null when it does not. */
    String conflict(Affiliation affiliation) {
        String name = normalize(affiliation.partyName());
        return switch (affiliation.partyType()) {
            case EMPLOYEE -> same(name, employee) ? "affiliated with the employee"
                    : same(name, representative) ? "affiliated with the employee's representative" : null;
            case EMPLOYER -> same(name, employer) ? "affiliated with the employer" : null;
            case CLAIMS_ADMINISTRATOR, INSURER -> same(name, claimsAdministrator)
                    ? "affiliated with the claims administrator" : null;
            case PHYSICIAN -> same(name, physician) ? "affiliated with the requesting physician" : null;
            case PROVIDER_GROUP -> same(name, physicianGroup) ? "affiliated with the requesting physician's group" : null;
            case OTHER -> Stream.of(employee, representative, employer, claimsAdministrator, physician, physicianGroup)
                    .anyMatch(party -> same(name, party)) ? "affiliated with a party to the case" : null;
        };
    }

    private static boolean same(String normalizedName, String party) {
        return party != null && !party.isBlank() && normalizedName.equals(normalize(party));
    }

    /**
     * A name reduced to what identifies the party, so that "Central Valley Packing Co." and
     * "central valley packing company" meet: a missed tie is worse than a false alarm, which a
     * supervisor can see through in the selection report.
     */
    static String normalize(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}&]+", " ").strip();
        String[] words = plain.split(" ");
        int from = 0;
        int to = words.length;
        while (to - from > 1 && TITLES.contains(words[from])) {
            from++;
        }
        while (to - from > 1 && SUFFIXES.contains(words[to - 1])) {
            to--;
        }
        return String.join(" ", Arrays.copyOfRange(words, from, to));
    }
}
