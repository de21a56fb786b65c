package org.openimr.reviewer;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The roster API as a supervisor calls it, and what it refuses. */
class RosterApiTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Roster roster;

    TestReviewers reviewers;

    @BeforeEach
    void testRoster() {
        reviewers = new TestReviewers(context);
    }

    @AfterEach
    void retireTestReviewers() {
        reviewers.retire();
    }

    @Test
    void theDemoRosterIsListedWithQualificationsWorkloadAndTies() throws Exception {
        as("supervisor1", get("/api/reviewers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.userId == 'reviewer1')].specialties[0].specialty").value("OCCUPATIONAL_MEDICINE"))
                .andExpect(jsonPath("$[?(@.userId == 'reviewer1')].licenceStates[0]").value("CA"))
                .andExpect(jsonPath("$[?(@.userId == 'reviewer1')].affiliations[0].partyType").value("CLAIMS_ADMINISTRATOR"))
                .andExpect(jsonPath("$[?(@.userId == 'reviewer12')].licenceStates[*]", containsInAnyOrder("AZ", "NV")))
                .andExpect(jsonPath("$[*].affiliations[*].partyType", hasItem("EMPLOYEE")));
        as("supervisor1", get("/api/reviewers/reviewer5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.hoursPerWeek").value(28))
                .andExpect(jsonPath("$.capacity").value(25));
        as("supervisor1", get("/api/reviewers/nobody")).andExpect(status().isNotFound());
    }

    @Test
    void aSupervisorAddsChangesDeactivatesAndReactivatesAReviewer() throws Exception {
        String userId = reviewers.user("added");
        as("supervisor1", post("/api/reviewers").contentType(MediaType.APPLICATION_JSON).content(newReviewer(userId)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/reviewers/" + userId))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.openCases").value(0))
                .andExpect(jsonPath("$.specialties[0].title").value("Orthopedic Surgery"))
                .andExpect(jsonPath("$.affiliations[0].partyName").value("Harbor Orthopedic Group"))
                .andExpect(jsonPath("$.affiliations[0].declaredBy").value("supervisor1"));
        reviewers.track(userId);
        as("supervisor1", post("/api/reviewers").contentType(MediaType.APPLICATION_JSON).content(newReviewer(userId)))
                .andExpect(status().isConflict());

        as("supervisor1", patch("/api/reviewers/" + userId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\": 3, \"licenceStates\": [\"ca\", \"OR\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(3))
                .andExpect(jsonPath("$.licenceStates", containsInAnyOrder("CA", "OR")))
                .andExpect(jsonPath("$.hoursPerWeek").value(36));

        as("supervisor1", post("/api/reviewers/" + userId + "/deactivation"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        as("supervisor1", post("/api/reviewers/" + userId + "/activation"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        as("supervisor1", post("/api/reviewers/nobody/deactivation")).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingEachField() throws Exception {
        as("supervisor1", post("/api/reviewers").contentType(MediaType.APPLICATION_JSON).content("""
                {"userId": "intake1", "displayName": "", "clinicalPracticeSince": "2099-01-01", "hoursPerWeek": 200,
                 "capacity": -1, "specialties": [{"specialty": "DENTISTRY", "boardCertified": "yes"}],
                 "licenceStates": ["California"], "colour": "blue"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("displayName", "clinicalPracticeSince",
                        "hoursPerWeek", "capacity", "specialties[0].specialty", "specialties[0].boardCertified",
                        "licenceStates[0]", "colour")));
        // Valid fields, but the user is no reviewer: tasks could not be assigned to them.
        as("supervisor1", post("/api/reviewers").contentType(MediaType.APPLICATION_JSON).content(newReviewer("intake1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].problem").value("must be a user of the reviewer group"));
        as("supervisor1", patch("/api/reviewers/reviewer3").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        as("supervisor1", patch("/api/reviewers/reviewer3").contentType(MediaType.APPLICATION_JSON)
                .content("{\"specialties\": [], \"active\": false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("specialties", "active")));
        as("supervisor1", post("/api/reviewers/reviewer3/affiliations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"partyType\": \"LANDLORD\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("partyType", "partyName")));
    }

    @Test
    void onlySupervisorsManageTheRoster() throws Exception {
        for (String user : new String[] {"intake1", "reviewer1", "analyst1"}) {
            as(user, get("/api/reviewers")).andExpect(status().isForbidden());
            as(user, post("/api/reviewers/reviewer3/deactivation")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/reviewers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/reviewers").with(httpBasic("nosuchuser", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void declaringATieNamesTheReviewersOpenCasesItTouches() throws Exception {
        Reviewer reviewer = reviewers.add(new Roster.Profile("Dr. Late Tie", TestReviewers.yearsAgo(15), 40, 5,
                java.util.List.of(new Reviewer.Certification(Specialty.OCCUPATIONAL_MEDICINE, true)),
                java.util.List.of("CA")));
        ObjectNode application = TestApplications.seedCase();
        String employer = "Employer " + UUID.randomUUID();
        ((ObjectNode) application.get("employer")).put("name", employer);
        String caseNumber = cases.submit(application);
        context.getBean(CaseReviewers.class).assignManually(caseNumber, reviewer.userId(), "supervisor1");

        as("supervisor1", post("/api/reviewers/" + reviewer.userId() + "/affiliations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"partyType\": \"EMPLOYER\", \"partyName\": \"" + employer.toUpperCase() + " INC.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.conflictingOpenCases[0]").value(caseNumber))
                .andExpect(jsonPath("$.reviewer.affiliations[0].partyType").value("EMPLOYER"));
    }

    private static String newReviewer(String userId) {
        return """
                {"userId": "%s", "displayName": "Dr. Added Reviewer", "clinicalPracticeSince": "2010-03-01",
                 "hoursPerWeek": 36, "capacity": 10,
                 "specialties": [{"specialty": "ORTHOPEDIC_SURGERY", "boardCertified": true}],
                 "licenceStates": ["CA"],
                 "affiliations": [{"partyType": "PROVIDER_GROUP", "partyName": "Harbor Orthopedic Group"}]}"""
                .formatted(userId);
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }
}
