package org.openimr.reviewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.openimr.intake.CaseRecord;
import org.openimr.intake.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reviewer side of a case: selecting, assigning by hand, and what the letter may say. */
@Service
public class CaseReviewers {

    /** What the letter states about the reviewer instead of the name (LC 4610.6(f)). */
    public record Qualifications(String specialty, List<String> boardCertifications, List<String> licenceStates,
            int yearsInPractice, int hoursPerWeek) {
    }

    private final CaseRegistry registry;
    private final ReviewerSelection selection;
    private final SpecialtyMatcher specialties;
    private final Roster roster;
    private final Assignments assignments;
    private final ObjectMapper objectMapper;

    CaseReviewers(CaseRegistry registry, ReviewerSelection selection, SpecialtyMatcher specialties, Roster roster,
            Assignments assignments, ObjectMapper objectMapper) {
        this.registry = registry;
        this.selection = selection;
        this.specialties = specialties;
        this.roster = roster;
        this.assignments = assignments;
        this.objectMapper = objectMapper;
    }

    ReviewerSelection.Result select(String caseNumber) {
        CaseRecord record = caseRecord(caseNumber);
        return selection.select(record.id(), fittingSpecialties(record), parties(record), "system");
    }

    @Transactional
    public Reviewer assignManually(String caseNumber, String userId, String supervisor) {
        CaseRecord record = caseRecord(caseNumber);
        return selection.assignManually(record.id(), userId, fittingSpecialties(record), parties(record), supervisor);
    }

    public Optional<Qualifications> qualifications(long caseId) {
        return assignments.current(caseId).flatMap(assignment -> roster.byId(assignment.reviewerId())
                .map(reviewer -> new Qualifications(
                        Specialty.valueOf(assignment.specialty()).title(),
                        reviewer.specialties().stream().filter(Reviewer.Certification::boardCertified)
                                .map(c -> c.specialty().title()).toList(),
                        reviewer.licenceStates().stream().sorted().toList(),
                        reviewer.yearsInPractice(CaseClock.today()),
                        reviewer.activePracticeHours())));
    }

    List<Specialty> fittingSpecialties(CaseRecord record) {
        return specialties.fitting(registry.items(record.id()).stream()
                .map(item -> new SpecialtyMatcher.ItemKind(item.treatmentCategory(), bodyRegion(item.itemJson())))
                .toList());
    }

    static CaseParties parties(CaseRecord record) {
        return new CaseParties(record.employeeName(), record.employerName(), record.claimsAdministratorName(),
                record.requestingPhysicianName(), record.requestingPhysicianGroup());
    }

    private CaseRecord caseRecord(String caseNumber) {
        return registry.findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
    }

    private String bodyRegion(String itemJson) {
        try {
            JsonNode region = objectMapper.readTree(itemJson).get("bodyRegion");
            return region == null ? null : region.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }
}
