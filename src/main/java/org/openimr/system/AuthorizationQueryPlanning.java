package org.openimr.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Helps PostgreSQL plan Camunda's authorization checks, which join each task (or process instance)
 * with the caller's grants on {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. Without help the
 * planner takes the caller's grants for about ten rows (it cannot estimate {@code PERMS_ & 2 = 2}) and
 * compares every open task of a group with every task grant of the group: seconds once a group has
 * thousands of open tasks (case benchmark, README "Benchmark"). With statistics on the permission
 * bits, SSD page costs and plans made for each query's own values, it looks up each task's grants in
 * the grant index instead. H2 needs none of this.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationQueryPlanning {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationQueryPlanning.class);

    /**
     * Per connection: SSD random reads cost about as much as sequential ones; and a plan for the
     * values at hand, since a prepared statement's generic plan cannot use the statistics below.
     */
    static final String SESSION_SETTINGS = "set random_page_cost = 1.1; set plan_cache_mode = force_custom_plan";

    @Bean
    static BeanPostProcessor postgresSessionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isPostgres(pool.getJdbcUrl())
                        && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(SESSION_SETTINGS);
                }
                return bean;
            }
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void createPermissionStatistics(ApplicationReadyEvent event) {
        DataSource dataSource = event.getApplicationContext().getBean(DataSource.class);
        if (!(dataSource instanceof HikariDataSource pool) || !isPostgres(pool.getJdbcUrl())) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            // READ (2) on tasks and process instances, READ_TASK (64) and READ_INSTANCE (512) on definitions.
            jdbc.execute("create statistics if not exists imr_authorization_permission_bits "
                    + "on (perms_ & 2), (perms_ & 64), (perms_ & 512) from act_ru_authorization");
            jdbc.execute("analyze act_ru_authorization");
        } catch (DataAccessException e) {
            // Another node creating them at the same moment; autovacuum's next analyze fills them either way.
            log.warn("Statistics on authorization permissions not created here ({})", e.getClass().getSimpleName());
        }
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
