package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses to start with a missing or well-known secret. */
class ProductionSecretsCheckTest {

    @Test
    void aDefaultAdministratorPasswordStopsStartUp() {
        assertThatThrownBy(() -> check("admin", "a-long-database-secret", false).afterPropertiesSet())
                .hasMessageContaining("IMR_ADMIN_PASSWORD is a default or too short");
    }

    @Test
    void aMissingDatabasePasswordStopsStartUp() {
        assertThatThrownBy(() -> check("a-long-admin-secret", null, false).afterPropertiesSet())
                .hasMessageContaining("IMR_DB_PASSWORD is not set");
    }

    @Test
    void demoUsersStopStartUp() {
        assertThatThrownBy(() -> check("a-long-admin-secret", "a-long-database-secret", true).afterPropertiesSet())
                .hasMessageContaining("imr.demo.enabled must be false");
    }

    @Test
    void realSecretsStartUp() {
        assertThatCode(() -> check("a-long-admin-secret", "a-long-database-secret", false).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    private static ProductionSecretsCheck check(String adminPassword, String dbPassword, boolean demo) {
        MockEnvironment environment = new MockEnvironment();
        if (dbPassword != null) {
            environment.setProperty("spring.datasource.password", dbPassword);
        }
        return new ProductionSecretsCheck(environment, new SecurityProperties(
                new SecurityProperties.Admin("admin", adminPassword), new SecurityProperties.Demo(demo, "demo")));
    }
}
