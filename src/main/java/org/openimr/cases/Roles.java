package org.openimr.cases;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups of the system; each person belongs to one or more. */
public final class Roles {

    public static final String INTAKE = "intake";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ANALYST = "analyst";
    /**
     * The engine's built-in administrators group (camunda-admin; operaton-admin on Operaton): full
     * access to engine and webapps, which ask for a member of it before anything else.
     */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;

    public static final List<String> ALL = List.of(INTAKE, REVIEWER, SUPERVISOR, ANALYST, ADMIN);

    private Roles() {
    }

    /** The Spring Security authority of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }

    /** The authorities of the groups, for request rules (hasAnyAuthority). */
    public static String[] authorities(String... groups) {
        return Arrays.stream(groups).map(Roles::authority).toArray(String[]::new);
    }
}
