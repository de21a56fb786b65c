package org.openimr.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openimr.system.CaseClock;

/** A reviewer as the roster API shows it to supervisors. */
record ReviewerView(String userId, String displayName, boolean active, LocalDate clinicalPracticeSince,
        int yearsInPractice, int hoursPerWeek, int capacity, int openCases, List<SpecialtyView> specialties,
        List<String> licenceStates, List<AffiliationView> affiliations) {

    record SpecialtyView(Specialty specialty, String title, boolean boardCertified) {
    }

    record AffiliationView(long id, Reviewer.PartyType partyType, String partyName, String note, Instant declaredAt,
            String declaredBy) {
    }

    static ReviewerView of(Reviewer reviewer) {
        return new ReviewerView(reviewer.userId(), reviewer.displayName(), reviewer.active(),
                reviewer.clinicalPracticeSince(), reviewer.yearsInPractice(CaseClock.today()),
                reviewer.activePracticeHours(), reviewer.capacity(), reviewer.openCases(),
                reviewer.specialties().stream()
                        .map(c -> new SpecialtyView(c.specialty(), c.specialty().title(), c.boardCertified())).toList(),
                reviewer.licenceStates().stream().sorted().toList(),
                reviewer.affiliations().stream().map(a -> new AffiliationView(a.id(), a.partyType(), a.partyName(),
                        a.note(), a.declaredAt(), a.declaredBy())).toList());
    }
}
