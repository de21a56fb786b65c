package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses to start with a missing or well-known secret, before any bean exists. */
class ProductionSecretsCheckTest {

    private final ProductionSecretsCheck check = new ProductionSecretsCheck();

    @Test
    void aDefaultAdministratorPasswordStopsStartUp() {
        assertThatThrownBy(() -> check.postProcessEnvironment(production("admin", "a-long-database-secret", false), null))
                .hasMessageContaining("IMR_ADMIN_PASSWORD is a default or too short");
    }

    @Test
    void aMissingDatabasePasswordStopsStartUp() {
        assertThatThrownBy(() -> check.postProcessEnvironment(production("a-long-admin-secret", null, false), null))
                .hasMessageContaining("IMR_DB_PASSWORD is not set");
    }

    @Test
    void demoUsersStopStartUp() {
        assertThatThrownBy(() -> check.postProcessEnvironment(
                production("a-long-admin-secret", "a-long-database-secret", true), null))
                .hasMessageContaining("imr.demo.enabled must be false");
    }

    @Test
    void realSecretsStartUp() {
        assertThatCode(() -> check.postProcessEnvironment(
                production("a-long-admin-secret", "a-long-database-secret", false), null))
                .doesNotThrowAnyException();
    }

    @Test
    void otherProfilesAreNotChecked() {
        MockEnvironment development = new MockEnvironment().withProperty("imr.admin.password", "admin");
        assertThatCode(() -> check.postProcessEnvironment(development, null)).doesNotThrowAnyException();
    }

    @Test
    void theProfilesOwnFileWithNoEnvironmentNamesEveryMissingVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(ProductionSecretsCheck.PROFILE);
        // As application-postgres.yaml has them, with none of the environment variables set.
        environment.getPropertySources().addFirst(new MapPropertySource("application-postgres", Map.of(
                "spring.datasource.url", "${IMR_DB_URL_UNSET_IN_TEST}",
                "spring.datasource.username", "${IMR_DB_USER_UNSET_IN_TEST}",
                "spring.datasource.password", "${IMR_DB_PASSWORD_UNSET_IN_TEST}",
                "imr.admin.password", "${IMR_ADMIN_PASSWORD_UNSET_IN_TEST}",
                "imr.demo.enabled", "false")));

        assertThat(ProductionSecretsCheck.problems(environment)).containsExactly("IMR_DB_URL is not set",
                "IMR_DB_USER is not set", "IMR_DB_PASSWORD is not set", "IMR_ADMIN_PASSWORD is not set");
    }

    @Test
    void aRefusedStartIsReportedWithItsReasonsAndWhatToDo() {
        Throwable refused = new ProductionSecretsCheck.MissingSecretsException(
                "Refusing to start the postgres profile: IMR_DB_PASSWORD is not set");

        FailureAnalysis analysis = new MissingSecretsFailureAnalyzer().analyze(refused);

        assertThat(analysis.getDescription()).contains("IMR_DB_PASSWORD is not set");
        assertThat(analysis.getAction()).contains("IMR_ADMIN_PASSWORD");
    }

    private static MockEnvironment production(String adminPassword, String dbPassword, boolean demo) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/imr")
                .withProperty("spring.datasource.username", "imr")
                .withProperty("imr.admin.password", adminPassword)
                .withProperty("imr.demo.enabled", String.valueOf(demo));
        if (dbPassword != null) {
            environment.setProperty("spring.datasource.password", dbPassword);
        }
        environment.setActiveProfiles(ProductionSecretsCheck.PROFILE);
        return environment;
    }
}
