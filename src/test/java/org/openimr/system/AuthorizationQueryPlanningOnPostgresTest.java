package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openimr.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL every pooled connection plans for SSD page costs and for each query's own values,
 * and the planner has statistics on the authorization permission bits, so that Camunda's
 * authorization checks look grants up by index instead of comparing every task with every grant.
 */
@SpringBootTest
@DirtiesContext
class AuthorizationQueryPlanningOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pooledConnectionsCarryThePlannerSettingsAndThePermissionBitsHaveStatistics() {
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
        assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
                "imr_authorization_permission_bits")).isEqualTo(1);
    }
}
