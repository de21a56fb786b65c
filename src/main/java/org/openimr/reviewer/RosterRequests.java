package org.openimr.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.reviewer.Reviewer.PartyType;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;

/** Reads the roster and reassignment requests strictly, naming every bad field at once. */
final class RosterRequests {

    record NewReviewer(String userId, Roster.Profile profile, List<NewAffiliation> affiliations) {
    }

    record NewAffiliation(PartyType partyType, String partyName, String note) {
    }

    record Reassignment(String userId, String reason) {
    }

    private static final int USER_ID = 64;
    private static final int NAME = 200;
    private static final int NOTE = 1000;
    /** The reason is stored with "Reassigned by {supervisor}: " before it, in a column of 1,000 characters. */
    private static final int REASON = 500;
    private static final int MAX_SPECIALTIES = 20;
    private static final int MAX_AFFILIATIONS = 100;
    private static final int MAX_CAPACITY = 500;
    /** The states and territories of the United States that license physicians. */
    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP");
    private static final List<String> PROFILE_FIELDS = List.of("displayName", "clinicalPracticeSince", "hoursPerWeek",
            "capacity", "specialties", "licenceStates");

    private RosterRequests() {
    }

    static NewReviewer newReviewer(JsonNode body) {
        InputReader in = InputReader.of(body);
        String userId = in.text("userId", true, USER_ID);
        Roster.Profile profile = profile(in, true);
        List<NewAffiliation> affiliations = new ArrayList<>();
        in.objects("affiliations", 0, MAX_AFFILIATIONS, item -> affiliations.add(affiliation(item)));
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new NewReviewer(userId, profile, affiliations);
    }

    /** A change of some profile fields; the others stay as they are. */
    static Roster.Profile change(JsonNode body) {
        InputReader in = InputReader.of(body);
        if (!in.hasProblems() && PROFILE_FIELDS.stream().noneMatch(in.fieldNames()::contains)) {
            in.problem("body", "must change at least one of " + String.join(", ", PROFILE_FIELDS));
        }
        Roster.Profile profile = profile(in, false);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return profile;
    }

    static NewAffiliation newAffiliation(JsonNode body) {
        InputReader in = InputReader.of(body);
        NewAffiliation affiliation = affiliation(in);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return affiliation;
    }

    static Reassignment reassignment(JsonNode body) {
        InputReader in = InputReader.of(body);
        String userId = in.text("userId", true, USER_ID);
        String reason = in.text("reason", true, REASON);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new Reassignment(userId, reason);
    }

    private static Roster.Profile profile(InputReader in, boolean required) {
        String displayName = in.text("displayName", required, NAME);
        LocalDate since = in.date("clinicalPracticeSince", required);
        if (since != null && since.isAfter(CaseClock.today())) {
            in.problem("clinicalPracticeSince", "must not be in the future");
        }
        Integer hours = in.integer("hoursPerWeek", required, 0, 168);
        Integer capacity = in.integer("capacity", required, 0, MAX_CAPACITY);
        List<Certification> specialties = null;
        if (required || in.has("specialties")) {
            List<Certification> read = new ArrayList<>();
            Set<Specialty> seen = new HashSet<>();
            in.objects("specialties", 1, MAX_SPECIALTIES, item -> {
                Specialty specialty = item.enumValue("specialty", Specialty.class, true);
                Boolean boardCertified = item.bool("boardCertified", true);
                if (specialty != null && !seen.add(specialty)) {
                    item.problem("specialty", "is listed twice");
                }
                if (specialty != null && boardCertified != null) {
                    read.add(new Certification(specialty, boardCertified));
                }
            });
            specialties = read;
        }
        List<String> states = required || in.has("licenceStates")
                ? in.texts("licenceStates", 1, STATES.size(), 2) : null;
        if (states != null) {
            List<String> upper = states.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
            for (int i = 0; i < upper.size(); i++) {
                if (!STATES.contains(upper.get(i))) {
                    in.problem("licenceStates[" + i + "]", "must be a two-letter US state code");
                } else if (upper.indexOf(upper.get(i)) < i) {
                    in.problem("licenceStates[" + i + "]", "is listed twice");
                }
            }
            states = upper;
        }
        return new Roster.Profile(displayName, since, hours, capacity, specialties, states);
    }

    private static NewAffiliation affiliation(InputReader in) {
        PartyType type = in.enumValue("partyType", PartyType.class, true);
        String partyName = in.text("partyName", true, NAME);
        String note = in.text("note", false, NOTE);
        return new NewAffiliation(type, partyName, note);
    }
}
