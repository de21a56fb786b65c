package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * GET /api/cases/{caseNumber}/letter answers only the people on the case, with HTTP Basic or
 * with the session of a user logged in to Tasklist (the QA form links to the letter).
 */
class LetterAccessTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FormService formService;

    String caseNumber;
    String assignedReviewer;

    /** A case whose letter waits for QA. */
    @BeforeEach
    void letterAtQa() {
        caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.task(caseNumber, "ReviewLetterTask");
        assignedReviewer = (String) cases.variable(caseNumber, "reviewerUserId");
    }

    @Test
    void supervisorsTheAssignedReviewerAndIntakeWhileOpenGetThePdf() throws Exception {
        for (String user : new String[] {"supervisor1", "admin", assignedReviewer, "intake1"}) {
            asUser(user).andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andExpect(header().string("Content-Disposition",
                            "inline; filename=\"" + caseNumber + "-final-determination-v1.pdf\""));
        }
    }

    @Test
    void anotherReviewerAndAnAnalystAreRefused() throws Exception {
        asUser(otherReviewer()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Case " + caseNumber + " is not one of your cases"));
        asUser("analyst1").andExpect(status().isForbidden());
    }

    @Test
    void withoutCredentialsTheAnswerIs401() throws Exception {
        mvc.perform(get("/api/cases/{caseNumber}/letter", caseNumber)).andExpect(status().isUnauthorized());
    }

    @Test
    void onceIssuedIntakeNoLongerReadsItButASupervisorDoes() throws Exception {
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        asUser("intake1").andExpect(status().isForbidden());
        asUser("supervisor1").andExpect(status().isOk());
    }

    @Test
    void theTasklistSessionOfTheQaSupervisorOpensTheLinkAndAnotherReviewersDoesNot() throws Exception {
        String link = reviewLetterFormLink();
        assertThat(link).isEqualTo("/api/cases/" + caseNumber + "/letter?version=1");
        MockHttpSession supervisor = tasklistSession("supervisor1");
        String sessionId = supervisor.getId();

        mvc.perform(get(link).session(supervisor))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        // Opening the link must leave Tasklist's session as it is: a new session id would log Tasklist out.
        assertThat(supervisor.getId()).isEqualTo(sessionId);
        mvc.perform(get(link).session(supervisor)).andExpect(status().isOk());
        mvc.perform(get(link).session(tasklistSession(otherReviewer()))).andExpect(status().isForbidden());
    }

    @Test
    void unknownCasesVersionsAndKindsAreNamedProblems() throws Exception {
        mvc.perform(get("/api/cases/{caseNumber}/letter", "CM99-9999999").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No case CM99-9999999"));
        mvc.perform(get("/api/cases/{caseNumber}/letter", "CM99-9999999").with(httpBasic(otherReviewer(), "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{caseNumber}/letter?version=7", caseNumber).with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/{caseNumber}/letter?kind=INVOICE", caseNumber).with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("kind has an invalid value"));
    }

    private ResultActions asUser(String user) throws Exception {
        String password = user.equals("admin") ? "admin" : "demo";
        return mvc.perform(get("/api/cases/{caseNumber}/letter", caseNumber).with(httpBasic(user, password)));
    }

    /** The HTTP session Tasklist's login leaves behind (Camunda keeps its users there). */
    private MockHttpSession tasklistSession(String user) {
        Authentications authentications = new Authentications();
        authentications.addOrReplace(AuthenticationUtil.createAuthentication(processEngine, user));
        MockHttpSession session = new MockHttpSession();
        AuthenticationUtil.updateSession(session, authentications);
        return session;
    }

    private String otherReviewer() {
        return assignedReviewer.equals("reviewer2") ? "reviewer3" : "reviewer2";
    }

    /** The PDF link of the deployed "Review letter" form, filled with this case's variables as Tasklist fills it. */
    private String reviewLetterFormLink() throws IOException {
        String form;
        try (InputStream in = formService.getDeployedTaskForm(cases.task(caseNumber, "ReviewLetterTask").getId())) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher href = Pattern.compile("href=\\\\\"([^\\\\\"]+)\\\\\"").matcher(form);
        assertThat(href.find()).as("the form links to the letter").isTrue();
        return href.group(1).replace("{{caseNumber}}", caseNumber)
                .replace("{{letterVersion}}", String.valueOf(cases.variable(caseNumber, "letterVersion")));
    }
}
