package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.cases.Roles;
import org.springframework.http.MediaType;

/**
 * The engine grants that follow a case's reviewer: the one assigned reads the case's process
 * instance; a reassignment takes every grant on the case from the previous reviewer and gives the
 * new one the case; when the case ends, no reviewer keeps a grant on it.
 */
class CaseGrantsTest extends CaseTest {

    @Test
    void theGrantsFollowTheReviewerAndEndWithTheCase() {
        CaseUnderReview review = CaseUnderReview.create(context);
        String previous = review.reviewer();
        String next = CaseUnderReview.MASSAGE_REVIEWERS.stream().filter(r -> !r.equals(previous)).findFirst()
                .orElseThrow();
        assertThat(processEngine.getAuthorizationService().isUserAuthorized(previous, List.of(Roles.REVIEWER),
                Permissions.READ, Resources.PROCESS_INSTANCE, review.processInstanceId())).isTrue();

        assertThat(http("supervisor1", "demo").post().uri("/api/cases/{n}/reviewer", review.caseNumber())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", next, "reason", "Declared a conflict"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);

        assertThat(grantsOnTheCase(previous, review)).isEmpty();
        assertThat(processEngine.getAuthorizationService().isUserAuthorized(next, List.of(Roles.REVIEWER),
                Permissions.READ, Resources.PROCESS_INSTANCE, review.processInstanceId())).isTrue();
        assertThat(grantsOnTheCase(next, review)).isNotEmpty();

        review.withdraw(context);

        assertThat(grantsOnTheCase(next, review)).isEmpty();
        assertThat(grantsOnTheCase(previous, review)).isEmpty();
    }

    private List<Authorization> grantsOnTheCase(String userId, CaseUnderReview review) {
        return processEngine.getAuthorizationService().createAuthorizationQuery().userIdIn(userId).list().stream()
                .filter(grant -> grant.getResourceId().equals(review.processInstanceId())
                        || grant.getResourceId().equals(review.decideTask().getId()))
                .toList();
    }
}
