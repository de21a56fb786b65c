package org.openimr.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A reviewer of the roster with what selection needs to know. */
public record Reviewer(
        long id,
        String userId,
        String displayName,
        LocalDate clinicalPracticeSince,
        int activePracticeHours,
        int capacity,
        int openCases,
        boolean active,
        List<Certification> specialties,
        Set<String> licenceStates,
        List<Affiliation> affiliations) {

    public record Certification(Specialty specialty, boolean boardCertified) {
    }

    public record Affiliation(long id, PartyType partyType, String partyName, String note, Instant declaredAt,
            String declaredBy) {
    }

    /**
     * Whom a reviewer may have a tie to (shared/domain/imr-process.md §5 R1, R9): the employee (or
     * their representative), the employer, the claims administrator or an insurer behind it, the
     * requesting physician, the physician's provider group, or any other party by name.
     */
    public enum PartyType { EMPLOYEE, EMPLOYER, CLAIMS_ADMINISTRATOR, INSURER, PHYSICIAN, PROVIDER_GROUP, OTHER }

    public boolean boardCertifiedIn(Specialty specialty) {
        return specialties.stream().anyMatch(c -> c.specialty() == specialty && c.boardCertified());
    }

    public boolean boardCertified() {
        return specialties.stream().anyMatch(Certification::boardCertified);
    }

    public int yearsInPractice(LocalDate today) {
        return clinicalPracticeSince.until(today).getYears();
    }

    public boolean atCapacity() {
        return openCases >= capacity;
    }
}
