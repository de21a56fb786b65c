package org.openimr.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What operations rely on: health probes, metrics, the API description, locked doors. */
class OperationsTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Test
    void livenessAndReadinessAnswerWithoutCredentials() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void healthShowsTheDatabaseToAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void metricsNeedASupervisorOrAdministrator() throws Exception {
        // Spring Boot tests keep exporters such as Prometheus off; the metrics endpoint shows the same meters.
        mvc.perform(get("/actuator/metrics/jvm.memory.used")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics/jvm.memory.used").with(httpBasic("intake2", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics/jvm.memory.used").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").isNumber());
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/cases'].post").exists())
                .andExpect(jsonPath("$.paths['/api/cases/{caseNumber}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/cases/{caseNumber}/records'].post").exists())
                .andExpect(jsonPath("$.paths['/api/cases/{caseNumber}/withdrawal'].post").exists());
    }
}
