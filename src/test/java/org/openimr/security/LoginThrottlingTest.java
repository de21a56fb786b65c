package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/**
 * Camunda's login throttling guards the application's API too: after a wrong password the user is
 * locked for a while, so that even the right password is refused at once. A user of its own, so
 * that no other test finds a demo user locked; passwords are stored hashed.
 */
class LoginThrottlingTest extends CaseTest {

    private static final String USER = "throttleprobe";
    private static final String PASSWORD = "a-long-probe-password";

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void probeUser() {
        User user = identityService.newUser(USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(USER, Roles.SUPERVISOR);
    }

    @AfterEach
    void removeIt() {
        identityService.deleteUser(USER);
    }

    @Test
    void aWrongPasswordLocksTheUserSoThatTheRightOneIsRefusedAtOnce() {
        assertThat(status(http(USER, PASSWORD))).as("the right password").isEqualTo(200);
        assertThat(status(http(USER, "wrong"))).isEqualTo(401);
        assertThat(status(http(USER, PASSWORD))).as("the right password, right after a wrong one").isEqualTo(401);
        assertThat(identityService.createUserQuery().userId(USER).singleResult().getPassword())
                .as("stored hashed").isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
    }

    private static int status(RestClient client) {
        return client.get().uri("/api/sla/summary").exchange((request, response) -> response.getStatusCode().value());
    }
}
