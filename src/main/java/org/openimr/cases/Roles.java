package org.openimr.cases;

import java.util.Arrays;
import java.util.List;

/** The Camunda groups of the system; each person belongs to one or more. */
public final class Roles {

    public static final String INTAKE = "intake";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ANALYST = "analyst";
    /** Camunda's built-in administrators group: full access to engine and webapps. */
    public static final String ADMIN = "camunda-admin";

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
