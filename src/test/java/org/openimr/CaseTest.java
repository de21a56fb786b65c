package org.openimr;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Base of the tests that run the whole application on the in-memory H2 database: one Spring
 * context shared by all of them, the demo users and roster loaded, the job executor off.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class CaseTest {

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    protected ApplicationContext context;

    protected CaseDriver cases;

    @BeforeEach
    void initEngineAssertions() {
        BpmnAwareTests.init(processEngine);
        cases = new CaseDriver(context);
    }
}
