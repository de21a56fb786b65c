package org.openimr;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the process tests on the embedded PostgreSQL that share its default database: the whole
 * application on a random port, a context of its own closed after the class (Camunda's engine
 * registry holds one engine "default" per JVM), and a {@link CaseDriver}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
public abstract class CaseOnPostgresTest {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected TaskService taskService;

    protected CaseDriver cases;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @BeforeEach
    void initCaseDriver() {
        cases = new CaseDriver(context);
    }
}
