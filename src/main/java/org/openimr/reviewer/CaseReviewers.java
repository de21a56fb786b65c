package org.openimr.reviewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openimr.cases.CaseGrants;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.reviewer.Assignments.Assignment;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.openimr.system.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer side of a case: selecting, a supervisor's assignment and reassignment, and what
 * the letter may say about the reviewer.
 */
@Service
public class CaseReviewers {

    private static final Logger log = LoggerFactory.getLogger(CaseReviewers.class);

    /**
     * What the letter states about the reviewer instead of the name (LC 4610.6(f)): the specialty
     * of the review, every board certification (that specialty first), licence states, years in
     * clinical practice and hours a week of active practice.
     */
    public record Qualifications(String specialty, List<String> boardCertifications, List<String> licenceStates,
            int yearsInPractice, int hoursPerWeek) {
    }

    private final CaseRegistry registry;
    private final ReviewerSelection selection;
    private final SpecialtyMatcher specialties;
    private final Roster roster;
    private final Assignments assignments;
    private final ReviewerTasks reviewerTasks;
    private final CaseGrants caseGrants;
    private final ObjectMapper objectMapper;
    private final RetryingTransactions transactions;

    CaseReviewers(CaseRegistry registry, ReviewerSelection selection, SpecialtyMatcher specialties, Roster roster,
            Assignments assignments, ReviewerTasks reviewerTasks, CaseGrants caseGrants, ObjectMapper objectMapper,
            RetryingTransactions transactions) {
        this.registry = registry;
        this.selection = selection;
        this.specialties = specialties;
        this.roster = roster;
        this.assignments = assignments;
        this.reviewerTasks = reviewerTasks;
        this.caseGrants = caseGrants;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
    }

    ReviewerSelection.Result select(String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        ReviewerSelection.Result result = selection.select(record.id(), registry.reviewNo(record.id()),
                fittingSpecialties(record), parties(record), "system");
        result.chosen().ifPresent(chosen -> caseGrants.grantReviewer(record.processInstanceId(), chosen.userId()));
        return result;
    }

    /**
     * A supervisor's choice when selection found no one. Refused, with the reasons, for a reviewer
     * who is inactive, reviewed the case before a remand, is tied to a party, or lacks a qualification
     * the letter states; capacity,
     * specialty fit and California licensure may be set aside and are recorded.
     */
    @Transactional
    public Reviewer assignManually(String caseNumber, String userId, String supervisor) {
        CaseRecord record = registry.caseOf(caseNumber);
        if (assignments.current(record.id()).isPresent()) {
            throw new ConflictException("Case " + caseNumber + " has a reviewer already");
        }
        Reviewer reviewer = roster.byUserId(userId)
                .orElseThrow(() -> new NotFoundException("No reviewer " + userId + " in the roster"));
        List<Specialty> fitting = fittingSpecialties(record);
        int reviewNo = registry.reviewNo(record.id());
        refuseUnfit(reviewer, record, reviewNo);
        String setAside = takePlace(reviewer, fitting);
        assignments.add(record.id(), reviewNo, reviewer.id(), SelectionRules.specialtyFor(reviewer, fitting),
                supervisor, "Assigned by " + supervisor + ": no qualified reviewer with a free place was found",
                setAside);
        caseGrants.grantReviewer(record.processInstanceId(), reviewer.userId());
        log.info("Case {}: reviewer {} assigned by {}", caseNumber, reviewer.userId(), supervisor);
        return reviewer;
    }

    /**
     * Gives the case to another reviewer (illness, a conflict found late): releases the previous
     * reviewer's place, takes the new one's, records why, and moves the open reviewer tasks. Only
     * before any item is decided: the letter describes one reviewer, who must have decided every item.
     * Runs again when it collides with the case's own work (the reviewer completing a task at that moment).
     */
    public Assignment reassign(String caseNumber, String userId, String reason, String supervisor) {
        return transactions.run("Reassignment of case " + caseNumber, () -> {
            CaseRecord record = registry.openCase(caseNumber);
            Assignment current = assignments.current(record.id()).orElseThrow(() -> new ConflictException("Case "
                    + caseNumber + " has no reviewer yet: assign one in its task \"Assign reviewer manually\""));
            if (current.reviewerUserId().equals(userId)) {
                throw new ConflictException(userId + " is the reviewer of case " + caseNumber + " already");
            }
            if (registry.items(record.id()).stream().anyMatch(item -> item.decision() != null)) {
                throw new ConflictException("The reviewer of case " + caseNumber + " has decided items already; "
                        + "the letter must describe the reviewer who decided them all");
            }
            Reviewer reviewer = roster.byUserId(userId)
                    .orElseThrow(() -> new InvalidInputException("userId", "is not a reviewer of the roster"));
            List<Specialty> fitting = fittingSpecialties(record);
            int reviewNo = registry.reviewNo(record.id());
            refuseUnfit(reviewer, record, reviewNo);
            if (!assignments.release(current.id(), "Reassigned by " + supervisor + ": " + reason)) {
                throw new ConflictException("The reviewer of case " + caseNumber + " changed meanwhile; try again");
            }
            roster.releasePlace(current.reviewerId());
            String setAside = takePlace(reviewer, fitting);
            assignments.add(record.id(), reviewNo, reviewer.id(), SelectionRules.specialtyFor(reviewer, fitting),
                    supervisor, "Reassigned from " + current.reviewerUserId() + ": " + reason, setAside);
            int moved = reviewerTasks.move(record.processInstanceId(), current.reviewerUserId(), reviewer.userId());
            log.info("Case {}: reviewer {} replaced by {} (by {}, {} open tasks moved)", caseNumber,
                    current.reviewerUserId(), reviewer.userId(), supervisor, moved);
            return assignments.current(record.id()).orElseThrow();
        });
    }

    /** The names and user ids of every reviewer who served the case, in any review: what a publication must not show. */
    public List<String> namesOfEveryReviewer(long caseId) {
        List<String> names = new ArrayList<>();
        for (Assignment assignment : assignments.history(caseId)) {
            names.add(assignment.reviewerUserId());
            roster.byId(assignment.reviewerId()).ifPresent(reviewer -> names.add(reviewer.displayName()));
        }
        return names.stream().distinct().toList();
    }

    public Optional<Qualifications> qualifications(long caseId) {
        return assignments.current(caseId).flatMap(assignment -> roster.byId(assignment.reviewerId())
                .map(reviewer -> {
                    Specialty specialty = Specialty.valueOf(assignment.specialty());
                    List<String> certifications = reviewer.specialties().stream()
                            .filter(Reviewer.Certification::boardCertified).map(Reviewer.Certification::specialty)
                            .sorted(Comparator.comparing((Specialty s) -> s != specialty).thenComparing(Enum::ordinal))
                            .map(Specialty::title).toList();
                    return new Qualifications(specialty.title(), certifications,
                            reviewer.licenceStates().stream().sorted().toList(),
                            reviewer.yearsInPractice(CaseClock.today()), reviewer.activePracticeHours());
                }));
    }

    List<Specialty> fittingSpecialties(CaseRecord record) {
        return specialties.fitting(registry.items(record.id()).stream()
                .map(item -> new SpecialtyMatcher.ItemKind(item.treatmentCategory(), text(item.itemJson(), "/bodyRegion")))
                .toList());
    }

    CaseParties parties(CaseRecord record) {
        return new CaseParties(record.employeeName(), text(record.applicationJson(), "/employee/representative"),
                record.employerName(), record.claimsAdministratorName(), record.requestingPhysicianName(),
                record.requestingPhysicianGroup());
    }

    private void refuseUnfit(Reviewer reviewer, CaseRecord record, int reviewNo) {
        EarlierReviewers earlier = reviewNo > 1 ? assignments.earlierThan(record.id(), reviewNo) : EarlierReviewers.NONE;
        List<String> refusals = SelectionRules.refusals(reviewer, parties(record), earlier, CaseClock.today());
        if (!refusals.isEmpty()) {
            throw new ConflictException("Reviewer " + reviewer.userId() + " cannot review case " + record.caseNumber()
                    + ": " + String.join("; ", refusals));
        }
    }

    /** Takes a place, beyond capacity if need be; returns what the supervisor set aside, or null. */
    private String takePlace(Reviewer reviewer, List<Specialty> fitting) {
        List<String> setAside = new ArrayList<>(SelectionRules.settableAside(reviewer, fitting));
        if (!roster.takePlace(reviewer.id())) {
            roster.takePlaceBeyondCapacity(reviewer.id());
            setAside.add("over capacity (" + reviewer.capacity() + " open cases)");
        }
        return setAside.isEmpty() ? null : "Set aside by the supervisor: " + String.join("; ", setAside);
    }

    private String text(String json, String pointer) {
        try {
            JsonNode value = objectMapper.readTree(json).at(pointer);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored applications and items are JSON", e);
        }
    }
}
