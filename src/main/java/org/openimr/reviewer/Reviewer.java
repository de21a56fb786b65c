package org.openimr.reviewer;

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

    public record Affiliation(long id, PartyType partyType, String partyName, String note) {
    }

    /** Whom a reviewer may have a tie to (LC 139.5; 8 CCR 9768.2 by analogy). */
    public enum PartyType { EMPLOYEE, EMPLOYER, CLAIMS_ADMINISTRATOR, INSURER, PHYSICIAN, PROVIDER_GROUP, OTHER }

    public boolean boardCertifiedIn(Specialty specialty) {
        return specialties.stream().anyMatch(c -> c.specialty() == specialty && c.boardCertified());
    }

    public int yearsInPractice(LocalDate today) {
        return clinicalPracticeSince.until(today).getYears();
    }
}
