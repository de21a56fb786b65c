package org.openimr.cases;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may see a case and what belongs to it (its letters, records, deadlines, medical facts): the
 * people on the case, not everyone with a login. Supervisors and administrators see every case;
 * the reviewer currently assigned sees that case; intake staff see a case while it is open, since
 * they key and check its records; nobody else does. Changing a case (records, withdrawal,
 * expedited review) takes both: the case is one of the user's, and the user's role does that work.
 * <p>
 * Every endpoint under {@code /api/cases/{caseNumber}} asks this through a request rule
 * ({@link #readers}, {@link #workers}), so a case that is not the caller's answers 403 before any controller runs,
 * and a case number that does not exist answers the same, so numbers cannot be probed.
 */
@Component
public class CaseAccess {

    /** The path variable that names the case in the request rules. */
    public static final String CASE_NUMBER = "caseNumber";

    private final CaseRegistry registry;
    private final AssignedReviewers reviewers;

    CaseAccess(CaseRegistry registry, AssignedReviewers reviewers) {
        this.registry = registry;
        this.reviewers = reviewers;
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

    /** The request rule for reading what belongs to the case named by the path's {@code {caseNumber}}. */
    public AuthorizationManager<RequestAuthorizationContext> readers() {
        return caseOf();
    }

    /**
     * The request rule for changing the case named by the path's {@code {caseNumber}} (records
     * received, withdrawal, expedited review): it must be one of the user's cases, and the user
     * intake staff, a supervisor or an administrator. Reviewers and analysts change no case here.
     */
    public AuthorizationManager<RequestAuthorizationContext> workers() {
        return caseOf(Roles.INTAKE, Roles.SUPERVISOR, Roles.ADMIN);
    }

    /** The request rule for the review itself (the facts of an item): the assigned reviewer, or an administrator. */
    public AuthorizationManager<RequestAuthorizationContext> reviewers() {
        return caseOf(Roles.REVIEWER, Roles.ADMIN);
    }

    private AuthorizationManager<RequestAuthorizationContext> caseOf(String... groups) {
        List<String> authorities = Arrays.stream(groups).map(Roles::authority).toList();
        return (Supplier<Authentication> authentication, RequestAuthorizationContext request) -> {
            Authentication user = authentication.get();
            String caseNumber = request.getVariables().get(CASE_NUMBER);
            if (!authorities.isEmpty() && (user == null || user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).noneMatch(authorities::contains))) {
                return new Refusal("Your role may not change cases");
            }
            return canRead(user, caseNumber) ? new AuthorizationDecision(true) : new Refusal(notYours(caseNumber));
        };
    }

    /** A refusal that says why; the API's 403 answer carries the reason. */
    public static final class Refusal extends AuthorizationDecision {

        private final String reason;

        Refusal(String reason) {
            super(false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static String notYours(String caseNumber) {
        return "Case " + caseNumber + " is not one of your cases";
    }

    private boolean isAssignedReviewer(String userId, long caseId) {
        return reviewers.reviewerOf(caseId).filter(userId::equals).isPresent();
    }

    private static boolean inGroup(Authentication user, String group) {
        String authority = Roles.authority(group);
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
