package org.openimr.security;

import org.openimr.intake.CaseRecord;
import org.openimr.intake.CaseRegistry;
import org.openimr.reviewer.Assignments;
import org.openimr.reviewer.Reviewer;
import org.openimr.reviewer.Roster;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may see a case and what belongs to it (its letters, records, medical facts): the people
 * on the case, not everyone with a login. Supervisors and administrators see every case; the
 * reviewer currently assigned sees that case; intake staff see a case while it is open, since
 * they key and check its records; nobody else does. Every endpoint that serves case data is meant
 * to ask this before answering; so far the letter download does.
 */
@Component
public class CaseAccess {

    private final CaseRegistry registry;
    private final Assignments assignments;
    private final Roster roster;

    CaseAccess(CaseRegistry registry, Assignments assignments, Roster roster) {
        this.registry = registry;
        this.assignments = assignments;
        this.roster = roster;
    }

    /** Whether the user may read the case. A case that does not exist is readable only to those who see every case. */
    public boolean canRead(Authentication user, String caseNumber) {
        if (user == null || !user.isAuthenticated()) {
            return false;
        }
        if (inGroup(user, Roles.SUPERVISOR) || inGroup(user, Roles.ADMIN)) {
            return true;
        }
        CaseRecord record = registry.findByCaseNumber(caseNumber).orElse(null);
        if (record == null) {
            return false;
        }
        if (inGroup(user, Roles.INTAKE) && record.isOpen()) {
            return true;
        }
        return inGroup(user, Roles.REVIEWER) && isAssignedReviewer(user.getName(), record.id());
    }

    /** Refuses (HTTP 403) unless {@link #canRead} allows. */
    public void checkRead(Authentication user, String caseNumber) {
        if (!canRead(user, caseNumber)) {
            throw new AccessDeniedException("Case " + caseNumber + " is not one of your cases");
        }
    }

    private boolean isAssignedReviewer(String userId, long caseId) {
        return assignments.current(caseId)
                .flatMap(assignment -> roster.byId(assignment.reviewerId()))
                .map(Reviewer::userId)
                .filter(userId::equals)
                .isPresent();
    }

    private static boolean inGroup(Authentication user, String group) {
        String authority = Roles.authority(group);
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
