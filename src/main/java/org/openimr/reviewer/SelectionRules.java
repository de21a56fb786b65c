package org.openimr.reviewer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The qualification and conflict rules of shared/domain/imr-process.md §5 for one reviewer and one
 * case, in words a supervisor reads. Pure: the roster, the case and the day come in as arguments.
 */
final class SelectionRules {

    static final int MIN_YEARS_IN_PRACTICE = 5;
    static final int MIN_HOURS_PER_WEEK = 24;
    static final String CALIFORNIA = "CA";

    private SelectionRules() {
    }

    /** Every rule the reviewer fails for automatic selection; empty means qualified with a free place. */
    static List<String> disqualifications(Reviewer reviewer, List<Specialty> fitting, CaseParties parties,
            EarlierReviewers earlier, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!reviewer.active()) {
            reasons.add("inactive");
        }
        addIfPresent(reasons, earlier.reason(reviewer));
        reasons.addAll(qualificationsTheLetterStates(reviewer, today));
        reasons.addAll(conflicts(reviewer, parties));
        reasons.addAll(settableAside(reviewer, fitting));
        if (reviewer.atCapacity()) {
            reasons.add(atCapacity(reviewer));
        }
        return reasons;
    }

    /**
     * Why a supervisor may not assign the reviewer by hand: inactive, a reviewer of an earlier review
     * of the case, a tie to a party, or a qualification the final determination letter states as a
     * fact for every reviewer (board certified, more than five years in practice, at least 24 hours a week).
     */
    static List<String> refusals(Reviewer reviewer, CaseParties parties, EarlierReviewers earlier, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!reviewer.active()) {
            reasons.add("inactive");
        }
        addIfPresent(reasons, earlier.reason(reviewer));
        if (!reviewer.boardCertified()) {
            reasons.add("not board certified");
        }
        reasons.addAll(qualificationsTheLetterStates(reviewer, today));
        reasons.addAll(conflicts(reviewer, parties));
        return reasons;
    }

    /**
     * Rules a supervisor may set aside by a deliberate choice, recorded with the assignment, besides
     * the workload: the specialty fit (R6 asks for the "same or similar" specialty, a judgement) and
     * California licensure (R3: most reviewers are, not all; the letter names the actual states).
     */
    static List<String> settableAside(Reviewer reviewer, List<Specialty> fitting) {
        List<String> reasons = new ArrayList<>();
        if (fitting.stream().noneMatch(reviewer::boardCertifiedIn)) {
            reasons.add("not board certified in a fitting specialty");
        }
        if (!reviewer.licenceStates().contains(CALIFORNIA)) {
            reasons.add("no California licence");
        }
        return reasons;
    }

    static String atCapacity(Reviewer reviewer) {
        return "at capacity (" + reviewer.openCases() + " of " + reviewer.capacity() + " open cases)";
    }

    static List<String> conflicts(Reviewer reviewer, CaseParties parties) {
        return reviewer.affiliations().stream().map(parties::conflict).filter(Objects::nonNull).distinct().toList();
    }

    /** Fewest open cases first, then the better-fitting specialty, then roster order: deterministic. */
    static Comparator<Reviewer> preference(List<Specialty> fitting) {
        return Comparator.comparingInt(Reviewer::openCases)
                .thenComparingInt((Reviewer reviewer) -> specialtyRank(reviewer, fitting))
                .thenComparingLong(Reviewer::id);
    }

    /** Why a qualified reviewer lost to the chosen one, in the order of {@link #preference}. */
    static String notChosen(Reviewer other, Reviewer chosen, List<Specialty> fitting) {
        if (other.openCases() > chosen.openCases()) {
            return "qualified, but more open cases (" + other.openCases() + ") than the chosen reviewer ("
                    + chosen.openCases() + ")";
        }
        if (specialtyRank(other, fitting) > specialtyRank(chosen, fitting)) {
            return "qualified, as many open cases as the chosen reviewer, but a less fitting specialty";
        }
        return "qualified, as many open cases and as fitting a specialty as the chosen reviewer, who comes first in the roster";
    }

    /** The specialty the reviewer reviews the case in: the best-fitting one they are board certified in. */
    static Specialty specialtyFor(Reviewer reviewer, List<Specialty> fitting) {
        int rank = specialtyRank(reviewer, fitting);
        if (rank < fitting.size()) {
            return fitting.get(rank);
        }
        return reviewer.specialties().stream().filter(Reviewer.Certification::boardCertified).findFirst()
                .map(Reviewer.Certification::specialty).orElse(fitting.get(0));
    }

    private static int specialtyRank(Reviewer reviewer, List<Specialty> fitting) {
        for (int i = 0; i < fitting.size(); i++) {
            if (reviewer.boardCertifiedIn(fitting.get(i))) {
                return i;
            }
        }
        return fitting.size();
    }

    private static void addIfPresent(List<String> reasons, String reason) {
        if (reason != null) {
            reasons.add(reason);
        }
    }

    private static List<String> qualificationsTheLetterStates(Reviewer reviewer, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!reviewer.clinicalPracticeSince().plusYears(MIN_YEARS_IN_PRACTICE).isBefore(today)) {
            reasons.add("not more than " + MIN_YEARS_IN_PRACTICE + " years in clinical practice ("
                    + reviewer.yearsInPractice(today) + ")");
        }
        if (reviewer.activePracticeHours() < MIN_HOURS_PER_WEEK) {
            reasons.add("fewer than " + MIN_HOURS_PER_WEEK + " hours a week of active practice ("
                    + reviewer.activePracticeHours() + ")");
        }
        return reasons;
    }
}
