package org.openimr.letter;

import java.util.List;
import java.util.Map;
import org.openimr.reviewer.CaseReviewers.Qualifications;

/**
 * What the final determination says of the expert reviewer, in words: board certifications and
 * states of licensure, never the name (Labor Code 4610.6(f)). The sentence itself is template
 * wording; this only turns the roster's codes into the phrases it needs.
 *
 * @param certifiedIn    "Occupational Medicine and Internal Medicine", for "Board Certified in ..."
 * @param licensedIn     "California", or "Arizona and Nevada", for "licensed to practice in ..."
 * @param certifications the certifications as a list field: "Occupational Medicine, Internal Medicine"
 * @param licenceStates  the states as a list field: "AZ, NV"
 */
record ReviewerStatement(String certifiedIn, String licensedIn, String certifications, String licenceStates) {

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"),
            Map.entry("AR", "Arkansas"), Map.entry("CA", "California"), Map.entry("CO", "Colorado"),
            Map.entry("CT", "Connecticut"), Map.entry("DE", "Delaware"), Map.entry("DC", "the District of Columbia"),
            Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("IA", "Iowa"),
            Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"), Map.entry("LA", "Louisiana"),
            Map.entry("ME", "Maine"), Map.entry("MD", "Maryland"), Map.entry("MA", "Massachusetts"),
            Map.entry("MI", "Michigan"), Map.entry("MN", "Minnesota"), Map.entry("MS", "Mississippi"),
            Map.entry("MO", "Missouri"), Map.entry("MT", "Montana"), Map.entry("NE", "Nebraska"),
            Map.entry("NV", "Nevada"), Map.entry("NH", "New Hampshire"), Map.entry("NJ", "New Jersey"),
            Map.entry("NM", "New Mexico"), Map.entry("NY", "New York"), Map.entry("NC", "North Carolina"),
            Map.entry("ND", "North Dakota"), Map.entry("OH", "Ohio"), Map.entry("OK", "Oklahoma"),
            Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"), Map.entry("RI", "Rhode Island"),
            Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"), Map.entry("TN", "Tennessee"),
            Map.entry("TX", "Texas"), Map.entry("UT", "Utah"), Map.entry("VT", "Vermont"),
            Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"), Map.entry("WV", "West Virginia"),
            Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"));

    static ReviewerStatement of(Qualifications qualifications) {
        List<String> states = qualifications.licenceStates();
        return new ReviewerStatement(
                inWords(qualifications.boardCertifications()),
                inWords(states.stream().map(state -> STATES.getOrDefault(state, state)).toList()),
                String.join(", ", qualifications.boardCertifications()),
                String.join(", ", states));
    }

    /** "A", "A and B", "A, B and C"; empty when there is nothing to say. */
    static String inWords(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
