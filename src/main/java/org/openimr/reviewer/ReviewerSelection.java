package org.openimr.reviewer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openimr.intake.CaseClosed;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the expert reviewer of a case under shared/domain/imr-process.md §5: board certified in
 * a specialty that fits the disputed items, licensed in California, more than five years in
 * clinical practice, at least 24 hours a week of active practice, no tie to any party, and a
 * free place in their capacity. Among the qualified the one with the fewest open cases is chosen
 * (then the better-fitting specialty, then the roster order), so the work spreads evenly.
 */
@Service
public class ReviewerSelection {

    static final int MIN_YEARS_IN_PRACTICE = 5;
    static final int MIN_HOURS_PER_WEEK = 24;
    static final String CALIFORNIA = "CA";

    private static final Logger log = LoggerFactory.getLogger(ReviewerSelection.class);

    public record Exclusion(String userId, String displayName, List<String> reasons) {
    }

    public record Result(Optional<Reviewer> chosen, Specialty specialty, List<Specialty> fittingSpecialties,
            List<Exclusion> excluded) {

        /** What the supervisor reads: who was chosen, and why each other reviewer was not. */
        public String report() {
            StringBuilder text = new StringBuilder("Fitting specialties: ")
                    .append(String.join(", ", fittingSpecialties.stream().map(Specialty::title).toList())).append('\n');
            chosen.ifPresent(reviewer -> text.append("Chosen: ").append(reviewer.displayName()).append(" (")
                    .append(reviewer.userId()).append("), ").append(specialty.title()).append('\n'));
            if (!excluded.isEmpty()) {
                text.append("Not chosen:\n");
                excluded.forEach(e -> text.append("- ").append(e.displayName()).append(" (").append(e.userId())
                        .append("): ").append(String.join("; ", e.reasons())).append('\n'));
            }
            return text.toString().strip();
        }
    }

    private final Roster roster;
    private final Assignments assignments;

    ReviewerSelection(Roster roster, Assignments assignments) {
        this.roster = roster;
        this.assignments = assignments;
    }

    @Transactional
    public Result select(long caseId, List<Specialty> fitting, CaseParties parties, String assignedBy) {
        LocalDate today = CaseClock.today();
        List<Exclusion> excluded = new ArrayList<>();
        List<Reviewer> qualified = new ArrayList<>();
        for (Reviewer reviewer : roster.all()) {
            List<String> reasons = disqualifications(reviewer, fitting, parties, today);
            if (reviewer.openCases() >= reviewer.capacity()) {
                reasons.add("at capacity (" + reviewer.openCases() + " of " + reviewer.capacity() + " open cases)");
            }
            if (reasons.isEmpty()) {
                qualified.add(reviewer);
            } else {
                excluded.add(new Exclusion(reviewer.userId(), reviewer.displayName(), reasons));
            }
        }
        qualified.sort(Comparator.comparingInt(Reviewer::openCases)
                .thenComparingInt(reviewer -> bestSpecialtyRank(reviewer, fitting))
                .thenComparingLong(Reviewer::id));
        for (Reviewer candidate : qualified) {
            // Another selection may have taken the last place since the roster was read.
            if (roster.takePlace(candidate.id())) {
                Specialty specialty = fitting.get(bestSpecialtyRank(candidate, fitting));
                Result result = new Result(Optional.of(candidate), specialty, fitting, excluded);
                assignments.add(caseId, candidate.id(), specialty, assignedBy, result.report());
                return result;
            }
            excluded.add(new Exclusion(candidate.userId(), candidate.displayName(),
                    List.of("reached capacity during selection")));
        }
        return new Result(Optional.empty(), null, fitting, excluded);
    }

    /**
     * A supervisor's choice when selection found no one: any active reviewer without a tie to the
     * parties may be assigned; a conflicted one is refused with the reason.
     */
    @Transactional
    public Reviewer assignManually(long caseId, String userId, List<Specialty> fitting, CaseParties parties,
            String supervisor) {
        Reviewer reviewer = roster.byUserId(userId)
                .orElseThrow(() -> new NotFoundException("No reviewer " + userId + " in the roster"));
        if (!reviewer.active()) {
            throw new ConflictException("Reviewer " + userId + " is inactive");
        }
        List<String> conflicts = conflicts(reviewer, parties);
        if (!conflicts.isEmpty()) {
            throw new ConflictException("Reviewer " + userId + " cannot review this case: " + String.join("; ", conflicts));
        }
        roster.takePlaceBeyondCapacity(reviewer.id());
        Specialty specialty = bestFitOrFirst(reviewer, fitting);
        assignments.add(caseId, reviewer.id(), specialty, supervisor, "Assigned manually by " + supervisor);
        return reviewer;
    }

    List<String> disqualifications(Reviewer reviewer, List<Specialty> fitting, CaseParties parties, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!reviewer.active()) {
            reasons.add("inactive");
        }
        if (fitting.stream().noneMatch(reviewer::boardCertifiedIn)) {
            reasons.add("not board certified in a fitting specialty");
        }
        if (!reviewer.licenceStates().contains(CALIFORNIA)) {
            reasons.add("no California licence");
        }
        if (!reviewer.clinicalPracticeSince().plusYears(MIN_YEARS_IN_PRACTICE).isBefore(today)) {
            reasons.add("not more than " + MIN_YEARS_IN_PRACTICE + " years in clinical practice");
        }
        if (reviewer.activePracticeHours() < MIN_HOURS_PER_WEEK) {
            reasons.add("fewer than " + MIN_HOURS_PER_WEEK + " hours a week of active practice");
        }
        reasons.addAll(conflicts(reviewer, parties));
        return reasons;
    }

    static List<String> conflicts(Reviewer reviewer, CaseParties parties) {
        return reviewer.affiliations().stream().map(parties::conflict).filter(reason -> reason != null)
                .distinct().toList();
    }

    /** Frees the reviewer's place when the case closes. */
    @EventListener
    public void release(CaseClosed closed) {
        assignments.current(closed.caseId()).ifPresent(assignment -> {
            assignments.release(assignment.id(), "case closed: " + closed.status());
            roster.releasePlace(assignment.reviewerId());
            log.info("Case {}: reviewer place released", closed.caseNumber());
        });
    }

    private static int bestSpecialtyRank(Reviewer reviewer, List<Specialty> fitting) {
        for (int i = 0; i < fitting.size(); i++) {
            if (reviewer.boardCertifiedIn(fitting.get(i))) {
                return i;
            }
        }
        return fitting.size();
    }

    private static Specialty bestFitOrFirst(Reviewer reviewer, List<Specialty> fitting) {
        int rank = bestSpecialtyRank(reviewer, fitting);
        if (rank < fitting.size()) {
            return fitting.get(rank);
        }
        return reviewer.specialties().isEmpty() ? fitting.get(0) : reviewer.specialties().get(0).specialty();
    }
}
