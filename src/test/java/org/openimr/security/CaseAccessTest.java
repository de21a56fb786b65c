package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseAccess;
import org.openimr.intake.Withdrawals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Who may read a case: the people on it, with the demo users' real group memberships. */
class CaseAccessTest extends CaseTest {

    @Autowired
    CaseAccess access;

    @Autowired
    IdentityService identityService;

    @Autowired
    Withdrawals withdrawals;

    String caseNumber;
    String assignedReviewer;

    /** A case under review: records complete, a reviewer assigned and writing the summary. */
    @BeforeEach
    void caseUnderReview() {
        caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        assignedReviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
    }

    @Test
    void supervisorsAndAdministratorsReadEveryCase() {
        assertThat(access.canRead(user("supervisor1"), caseNumber)).isTrue();
        assertThat(access.canRead(user("admin"), caseNumber)).isTrue();
    }

    @Test
    void theAssignedReviewerReadsTheCaseAndAnotherReviewerDoesNot() {
        assertThat(access.canRead(user(assignedReviewer), caseNumber)).isTrue();
        assertThat(access.canRead(user(otherReviewer()), caseNumber)).isFalse();
    }

    @Test
    void intakeReadsACaseWhileItIsOpenAndNotOnceItIsClosed() {
        assertThat(access.canRead(user("intake1"), caseNumber)).isTrue();

        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));

        assertThat(access.canRead(user("intake1"), caseNumber)).isFalse();
        // Closing releases the reviewer too: the case is no longer theirs.
        assertThat(access.canRead(user(assignedReviewer), caseNumber)).isFalse();
        assertThat(access.canRead(user("supervisor1"), caseNumber)).isTrue();
    }

    @Test
    void analystsAndStrangersDoNotRead() {
        assertThat(access.canRead(user("analyst1"), caseNumber)).isFalse();
        assertThat(access.canRead(null, caseNumber)).isFalse();
        assertThat(access.canRead(UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "demo"), caseNumber))
                .as("credentials not yet checked").isFalse();
    }

    @Test
    void beingAssignedIsNotEnoughWithoutTheReviewerGroup() {
        Authentication withoutGroups = UsernamePasswordAuthenticationToken.authenticated(assignedReviewer, null, List.of());
        assertThat(access.canRead(withoutGroups, caseNumber)).isFalse();
    }

    @Test
    void anUnknownCaseIsReadableOnlyToThoseWhoSeeEveryCase() {
        assertThat(access.canRead(user("supervisor1"), "CM99-9999999")).isTrue();
        assertThat(access.canRead(user("intake1"), "CM99-9999999")).isFalse();
    }

    @Test
    void theRequestRulesSayWhyTheyRefuse() {
        assertThat(decide(access.readers(), user(assignedReviewer)).isGranted()).isTrue();
        assertThat(decide(access.readers(), user(otherReviewer())))
                .isInstanceOfSatisfying(CaseAccess.Refusal.class, refusal -> assertThat(refusal.reason())
                        .isEqualTo("Case " + caseNumber + " is not one of your cases"));
        assertThat(decide(access.workers(), user("intake1")).isGranted()).isTrue();
        assertThat(decide(access.workers(), user(assignedReviewer)))
                .isInstanceOfSatisfying(CaseAccess.Refusal.class, refusal -> assertThat(refusal.reason())
                        .isEqualTo("Your role may not change cases"));
    }

    private AuthorizationResult decide(AuthorizationManager<RequestAuthorizationContext> rule, Authentication user) {
        return rule.authorize(() -> user, new RequestAuthorizationContext(new MockHttpServletRequest(),
                Map.of(CaseAccess.CASE_NUMBER, caseNumber)));
    }

    private Authentication user(String userId) {
        return CamundaIdentityAuthenticationProvider.authenticated(identityService, userId);
    }

    private String otherReviewer() {
        return assignedReviewer.equals("reviewer2") ? "reviewer3" : "reviewer2";
    }
}
