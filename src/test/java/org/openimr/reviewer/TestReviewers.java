package org.openimr.reviewer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.openimr.cases.Roles;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.system.CaseClock;
import org.springframework.context.ApplicationContext;

/**
 * Reviewers that tests add to the shared roster: Camunda users of the reviewer group (password
 * demo) and roster entries. Neurosurgeons by default, a specialty no demo reviewer has, so that a
 * selection asked for neurosurgery sees only the test's reviewers; {@link #retire} takes them out
 * of selection again so that later tests do not meet them.
 */
final class TestReviewers {

    static final String PASSWORD = "demo";

    private final Roster roster;
    private final IdentityService identityService;
    private final List<Long> added = new ArrayList<>();

    TestReviewers(ApplicationContext context) {
        this.roster = context.getBean(Roster.class);
        this.identityService = context.getBean(IdentityService.class);
    }

    /** A profile that passes every hard rule for a neurosurgery case. */
    static Roster.Profile qualified() {
        return new Roster.Profile("Dr. Test Reviewer", CaseClock.today().minusYears(12), 30, 50,
                List.of(new Certification(Specialty.NEUROSURGERY, true)), List.of("CA"));
    }

    /** A new Camunda user of the reviewer group, not yet in the roster. */
    String user(String prefix) {
        // Camunda allows letters and digits only in user ids.
        String userId = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User user = identityService.newUser(userId);
        user.setFirstName("Test");
        user.setLastName("Reviewer");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.REVIEWER);
        return userId;
    }

    Reviewer add(Roster.Profile profile) {
        long id = roster.add(user("testreviewer"), profile);
        added.add(id);
        return roster.byId(id).orElseThrow();
    }

    /** Keeps track of a reviewer added another way (e.g. through the API) so that it is retired too. */
    void track(String userId) {
        added.add(roster.byUserId(userId).orElseThrow().id());
    }

    void retire() {
        added.forEach(id -> roster.setActive(id, false));
        added.clear();
    }

    static LocalDate yearsAgo(int years) {
        return CaseClock.today().minusYears(years);
    }
}
