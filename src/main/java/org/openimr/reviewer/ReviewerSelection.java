package org.openimr.reviewer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openimr.cases.CaseClosed;
import org.openimr.cases.CaseLabels;
import org.openimr.system.CaseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the expert reviewer of a case under shared/domain/imr-process.md §5 ({@link SelectionRules}):
 * among the reviewers who pass every rule and have a free place, the one with the fewest open
 * cases, then the better-fitting specialty, then roster order, so that the work spreads evenly and
 * the same roster always gives the same choice. The run is recorded with a reason for every
 * reviewer who was not chosen.
 */
@Service
public class ReviewerSelection {

    private static final Logger log = LoggerFactory.getLogger(ReviewerSelection.class);

    public enum Outcome { CHOSEN, QUALIFIED, EXCLUDED }

    /**
     * A reviewer of the roster as this selection saw them, with why they were not chosen;
     * {@code inFittingSpecialty} when they practise a specialty that fits the case, certified or not.
     */
    public record Candidate(long reviewerId, String userId, String displayName, Outcome outcome, List<String> reasons,
            boolean inFittingSpecialty) {
    }

    public record Result(Optional<Reviewer> chosen, Specialty specialty, List<Specialty> fittingSpecialties,
            List<Candidate> candidates) {

        /**
         * What the supervisor reads in the task form (Markdown): who was chosen, and why each
         * reviewer in a fitting specialty was not; the others are counted. It is kept within what
         * a process variable holds (4,000 characters); the case's reviewer page
         * (GET /api/cases/{caseNumber}/reviewer) gives every reviewer's reasons.
         */
        public String report() {
            StringBuilder text = new StringBuilder("Fitting specialties: ")
                    .append(String.join(", ", fittingSpecialties.stream().map(Specialty::title).toList()))
                    .append("\n\n");
            chosen.ifPresentOrElse(reviewer -> text.append("Chosen: ").append(reviewer.displayName()).append(" (")
                    .append(reviewer.userId()).append("), ").append(specialty.title()).append("\n\n"),
                    () -> text.append("No reviewer was chosen.\n\n"));
            List<Candidate> notChosen = candidates.stream()
                    .filter(c -> c.outcome() != Outcome.CHOSEN && c.inFittingSpecialty()).toList();
            if (!notChosen.isEmpty()) {
                text.append("Reviewers in a fitting specialty not chosen:\n\n");
                for (int i = 0; i < notChosen.size(); i++) {
                    Candidate c = notChosen.get(i);
                    String line = "- " + c.displayName() + " (" + c.userId() + "): " + String.join("; ", c.reasons()) + "\n";
                    if (text.length() + line.length() > REPORT_LIMIT) {
                        text.append("- and ").append(notChosen.size() - i).append(" more\n");
                        break;
                    }
                    text.append(line);
                }
            }
            long others = candidates.stream().filter(c -> !c.inFittingSpecialty()).count();
            if (others > 0) {
                text.append("\n").append(others).append(others == 1 ? " other reviewer practises" : " other reviewers practise")
                        .append(" no fitting specialty.");
            }
            return text.toString().strip();
        }
    }

    /** Room for the report in a Camunda string variable, with space for the closing lines. */
    private static final int REPORT_LIMIT = 3800;

    private final Roster roster;
    private final Assignments assignments;
    private final Selections selections;

    ReviewerSelection(Roster roster, Assignments assignments, Selections selections) {
        this.roster = roster;
        this.assignments = assignments;
        this.selections = selections;
    }

    /**
     * Selects the reviewer of review {@code reviewNo} of the case; reviewers of its earlier reviews
     * are left out, each with that reason.
     */
    @Transactional
    public Result select(long caseId, int reviewNo, List<Specialty> fitting, CaseParties parties, String selectedBy) {
        LocalDate today = CaseClock.today();
        EarlierReviewers earlier = reviewNo > 1 ? assignments.earlierThan(caseId, reviewNo) : EarlierReviewers.NONE;
        List<Candidate> excluded = new ArrayList<>();
        List<Reviewer> qualified = new ArrayList<>();
        for (Reviewer reviewer : roster.all()) {
            List<String> reasons = SelectionRules.disqualifications(reviewer, fitting, parties, earlier, today);
            if (reasons.isEmpty()) {
                qualified.add(reviewer);
            } else {
                excluded.add(candidate(reviewer, fitting, Outcome.EXCLUDED, reasons));
            }
        }
        qualified.sort(SelectionRules.preference(fitting));
        List<Candidate> lostTheRace = new ArrayList<>();
        Reviewer chosen = null;
        for (Reviewer reviewer : qualified) {
            // A concurrent selection may have taken the last place since the roster was read.
            if (roster.takePlace(reviewer.id())) {
                chosen = reviewer;
                break;
            }
            lostTheRace.add(candidate(reviewer, fitting, Outcome.EXCLUDED,
                    List.of("at capacity: another case took the last place during this selection")));
        }
        List<Candidate> candidates = new ArrayList<>();
        Specialty specialty = null;
        if (chosen != null) {
            specialty = SelectionRules.specialtyFor(chosen, fitting);
            candidates.add(candidate(chosen, fitting, Outcome.CHOSEN, List.of()));
            for (Reviewer other : qualified.subList(qualified.indexOf(chosen) + 1, qualified.size())) {
                candidates.add(candidate(other, fitting, Outcome.QUALIFIED,
                        List.of(SelectionRules.notChosen(other, chosen, fitting))));
            }
        }
        candidates.addAll(lostTheRace);
        candidates.addAll(excluded);
        Result result = new Result(Optional.ofNullable(chosen), specialty, fitting, candidates);
        selections.record(caseId, selectedBy, result);
        if (chosen != null) {
            // The selection record holds the reasons for every other reviewer.
            assignments.add(caseId, reviewNo, chosen.id(), specialty, selectedBy,
                    "Selected: qualified, with the fewest open cases", null);
        }
        return result;
    }

    /** Frees the reviewer's place when the case closes. */
    @EventListener
    public void release(CaseClosed closed) {
        assignments.current(closed.caseId()).ifPresent(assignment -> {
            if (assignments.release(assignment.id(), CaseLabels.closing(closed.status()))) {
                roster.releasePlace(assignment.reviewerId());
                log.info("Case {}: reviewer place released", closed.caseNumber());
            }
        });
    }

    private static Candidate candidate(Reviewer reviewer, List<Specialty> fitting, Outcome outcome,
            List<String> reasons) {
        return new Candidate(reviewer.id(), reviewer.userId(), reviewer.displayName(), outcome, reasons,
                reviewer.specialties().stream().anyMatch(c -> fitting.contains(c.specialty())));
    }
}
