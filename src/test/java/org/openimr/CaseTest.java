package org.openimr;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Base of the tests that run the whole application on the in-memory H2 database: one Spring
 * context shared by all of them, served on a random port, the demo users and roster loaded, the
 * job executor off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class CaseTest {

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    protected ApplicationContext context;

    @LocalServerPort
    protected int port;

    protected CaseDriver cases;

    @BeforeEach
    void initCaseDriver() {
        cases = new CaseDriver(context);
    }

    /** An HTTP client of the running application (for the engine REST API, which MockMvc cannot reach). */
    protected RestClient http(String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, password)).build();
    }
}
