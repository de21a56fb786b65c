package org.openimr.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with a secret missing or left at a well-known value,
 * and with demo users switched on.
 */
@Component
@Profile("postgres")
class ProductionSecretsCheck implements InitializingBean {

    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "camunda", "postgres", "secret");

    private final Environment environment;
    private final SecurityProperties properties;

    ProductionSecretsCheck(Environment environment, SecurityProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        check(problems, "IMR_ADMIN_PASSWORD", properties.admin().password());
        check(problems, "IMR_DB_PASSWORD", environment.getProperty("spring.datasource.password"));
        if (properties.demo().enabled()) {
            problems.add("imr.demo.enabled must be false: demo users have a shared password");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the postgres profile: " + String.join("; ", problems));
        }
    }

    private static void check(List<String> problems, String variable, String value) {
        if (value == null || value.isBlank()) {
            problems.add(variable + " is not set");
        } else if (WELL_KNOWN.contains(value.toLowerCase(java.util.Locale.ROOT)) || value.length() < 12) {
            problems.add(variable + " is a default or too short (12 characters at least)");
        }
    }
}
