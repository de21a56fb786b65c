package org.openimr.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start with a secret missing or left at a well-known value,
 * with demo users switched on, or without its database named. It checks the configuration before
 * any bean exists (registered in META-INF/spring.factories), so the refusal is the first and only
 * complaint, reported by {@link MissingSecretsFailureAnalyzer}, rather than a database driver's.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "postgres";
    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "camunda",
            "postgres", "secret", "imr", "123456", "administrator");
    private static final int MIN_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new MissingSecretsException("Refusing to start the postgres profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        present(problems, "IMR_DB_URL", value(environment, "spring.datasource.url"));
        present(problems, "IMR_DB_USER", value(environment, "spring.datasource.username"));
        secret(problems, "IMR_DB_PASSWORD", value(environment, "spring.datasource.password"));
        secret(problems, "IMR_ADMIN_PASSWORD", value(environment, "imr.admin.password"));
        if (Boolean.parseBoolean(value(environment, "imr.demo.enabled"))) {
            problems.add("imr.demo.enabled must be false: demo users have a shared password");
        }
        return problems;
    }

    /** The property's value, or null when it is unset or names an environment variable that is not set. */
    private static String value(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return null;
        }
    }

    private static void present(List<String> problems, String variable, String value) {
        if (value == null || value.isBlank()) {
            problems.add(variable + " is not set");
        }
    }

    private static void secret(List<String> problems, String variable, String value) {
        if (value == null || value.isBlank()) {
            problems.add(variable + " is not set");
        } else if (WELL_KNOWN.contains(value.toLowerCase(Locale.ROOT)) || value.length() < MIN_LENGTH) {
            problems.add(variable + " is a default or too short (" + MIN_LENGTH + " characters at least)");
        }
    }

    /** After the configuration files are read, so that the profile's own file is part of what is checked. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Start-up refused for the reasons given. */
    static class MissingSecretsException extends IllegalStateException {

        MissingSecretsException(String message) {
            super(message);
        }
    }
}
